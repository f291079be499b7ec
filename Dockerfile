# factbot: the Slack app with its knowledge base built into the image.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    FACTBOT_DB=/app/data/factbot.db \
    FACTBOT_STATE_DB=/app/state/factbot-state.db \
    PORT=3000

RUN useradd --create-home --uid 10001 factbot
WORKDIR /app
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY knowledge ./knowledge
COPY handlers ./handlers
RUN pip install . \
    && mkdir -p /app/data /app/state \
    && factbot build \
    && chown -R factbot:factbot /app/data /app/state

USER factbot
EXPOSE 3000
VOLUME ["/app/state"]
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD python -c "import os, urllib.request; urllib.request.urlopen(f'http://127.0.0.1:{os.environ.get(\"PORT\", \"3000\")}/healthz', timeout=4)"
CMD ["factbot", "serve"]
