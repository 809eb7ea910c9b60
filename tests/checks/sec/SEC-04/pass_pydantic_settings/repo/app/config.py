from pydantic_settings import BaseSettings


class Settings(BaseSettings):
    database_url: str
    stripe_secret_key: str
    log_level: str = "info"


settings = Settings()
