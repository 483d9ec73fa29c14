"""The JSON line format of production's logs, shared by Django (conf/production.py) and gunicorn
(conf/gunicorn.py): one object per line with an ISO timestamp in UTC, level, logger, message, the
request id (core/requestlog.py) and any fields passed as ``extra``."""

JSON_FORMATTER = {
    "()": "pythonjsonlogger.json.JsonFormatter",
    "fmt": "%(levelname)s %(name)s %(message)s",
    "rename_fields": {"levelname": "level", "name": "logger"},
    "timestamp": True,
}
