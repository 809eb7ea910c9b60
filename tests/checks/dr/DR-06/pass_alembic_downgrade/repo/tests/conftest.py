from sqlalchemy.orm import declarative_base

Base = declarative_base()


def setup_db(engine):
    Base.metadata.create_all(engine)
