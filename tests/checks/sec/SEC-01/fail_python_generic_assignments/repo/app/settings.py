import os

SECRET_KEY = "k3#v9Qz!7pLx2WmR8tY5nB1cD4fG6hJ0"
DEBUG = os.environ.get("DEBUG") == "1"
DATABASE_PASSWORD = os.environ["DATABASE_PASSWORD"]
EMAIL_HOST_PASSWORD = "Tr0ub4dor&3kq"
