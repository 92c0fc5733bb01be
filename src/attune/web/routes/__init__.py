"""The routers, one module per noun; every router checks CSRF on unsafe methods."""

from attune.web.routes import (
    account,
    api,
    auth,
    chats,
    coach,
    journal,
    practice,
    runs,
    spaces,
    today,
    tone,
)

ROUTERS = [
    auth.router,
    spaces.router,
    today.router,
    runs.router,
    practice.router,
    journal.router,
    tone.router,
    coach.router,
    chats.router,
    account.router,
    api.router,
    coach.api_router,
    api.session_router,
]
