"""The web interface: server-rendered pages and a JSON API over the domain.

>>> from attune.web import create_app
"""

from attune.web.app import create_app

__all__ = ["create_app"]
