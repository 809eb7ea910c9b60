from django.db import connection


def set_session_type(allow_write):
    with connection.cursor() as cursor:
        mode = 'READ WRITE' if allow_write else 'READ ONLY'
        cursor.execute(f'SET SESSION CHARACTERISTICS AS TRANSACTION {mode};')
