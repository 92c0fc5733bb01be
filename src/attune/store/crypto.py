"""Encryption at rest for private free text.

Key design (see docs/security.md): a random 256-bit master key lives in a key
file outside the database (mode 0600). Each person gets their own random data
key, stored in the database only wrapped (AES-256-GCM) by the master key. Each
private field is sealed with AES-256-GCM under the owner's data key, with the
owner id and the field's purpose as associated data, so a ciphertext copied
into another person's row or another column fails to open.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from attune.errors import StoreError

VERSION = b"\x01"
KEY_BYTES = 32
NONCE_BYTES = 12


def load_or_create_master_key(path: Path) -> bytes:
    """Read the master key from ``path``, creating it (mode 0600) on first use."""
    if path.exists():
        key = path.read_bytes()
        if len(key) != KEY_BYTES:
            raise StoreError(
                f"The key file {path} is {len(key)} bytes, expected {KEY_BYTES}. "
                "Restore it from your backup; without it private text cannot be read."
            )
        return key
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_bytes(KEY_BYTES)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(key)
    return key


def _seal(key: bytes, plaintext: bytes, aad: bytes) -> bytes:
    nonce = secrets.token_bytes(NONCE_BYTES)
    return VERSION + nonce + AESGCM(key).encrypt(nonce, plaintext, aad)


def _open(key: bytes, blob: bytes, aad: bytes) -> bytes:
    if not blob or blob[:1] != VERSION:
        raise StoreError("A private field has an unknown format; the database may be damaged.")
    nonce, body = blob[1 : 1 + NONCE_BYTES], blob[1 + NONCE_BYTES :]
    try:
        return AESGCM(key).decrypt(nonce, body, aad)
    except InvalidTag:
        raise StoreError(
            "A private field could not be decrypted: the key file does not match this database, "
            "or the field was moved or tampered with."
        ) from None


class Cipher:
    """Seals and opens private text for one database, given its master key."""

    def __init__(self, master_key: bytes):
        if len(master_key) != KEY_BYTES:
            raise StoreError("The master key must be 32 bytes.")
        self._master = master_key
        self._unwrapped: dict[int, bytes] = {}

    @staticmethod
    def new_data_key() -> bytes:
        return secrets.token_bytes(KEY_BYTES)

    def wrap(self, person_id: int, data_key: bytes) -> bytes:
        return _seal(self._master, data_key, b"person-key:%d" % person_id)

    def _key(self, person_id: int, wrapped: bytes) -> bytes:
        key = self._unwrapped.get(person_id)
        if key is None:
            key = _open(self._master, wrapped, b"person-key:%d" % person_id)
            self._unwrapped[person_id] = key
        return key

    def forget(self, person_id: int) -> None:
        self._unwrapped.pop(person_id, None)

    def encrypt(self, person_id: int, wrapped: bytes, purpose: str, text: str) -> bytes:
        aad = f"{person_id}:{purpose}".encode()
        return _seal(self._key(person_id, wrapped), text.encode("utf-8"), aad)

    def decrypt(self, person_id: int, wrapped: bytes, purpose: str, blob: bytes) -> str:
        aad = f"{person_id}:{purpose}".encode()
        return _open(self._key(person_id, wrapped), blob, aad).decode("utf-8")
