"""Sealing responses for the master's eyes only.

The master keeps an X25519 key pair; its private key is stored encrypted under a
passphrase. A field laptop seals each submitted response with the master's public key:
a fresh X25519 key agreement per response gives, through HKDF-SHA256, a one-off AES-256-GCM
key for that response. The laptop keeps only the sealed bytes, so a lost laptop leaks
nothing readable; only the master, with the key and the passphrase, can open them.

Sealed format: ``b"HZS1" + ephemeral public key (32) + nonce (12) + ciphertext``.
"""

from __future__ import annotations

import os
from pathlib import Path

from workspace.errors import ValidationError

MAGIC = b"HZS1"
_INFO = b"huizhi sealed response v1"


class SealingError(ValidationError):
    """A key, passphrase or sealed payload that does not fit."""


def create_keys(private_path: str | os.PathLike, public_path: str | os.PathLike, passphrase: str) -> None:
    """Write a new key pair: the private key encrypted with ``passphrase``, the public key plain."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

    if len(passphrase) < 8:
        raise SealingError("口令至少需要 8 个字符。", "The passphrase needs at least 8 characters.")
    key = X25519PrivateKey.generate()
    private = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(passphrase.encode("utf-8")),
    )
    public = key.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    Path(private_path).write_bytes(private)
    Path(public_path).write_bytes(public)


def load_public_key(pem: bytes):
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey

    try:
        key = serialization.load_pem_public_key(pem)
    except ValueError as exc:
        raise SealingError("这不是有效的公钥文件（PEM）。", "This is not a valid public key (PEM).") from exc
    if not isinstance(key, X25519PublicKey):
        raise SealingError("公钥类型不对：汇智使用 X25519 密钥。", "Wrong key type: Huizhi uses X25519 keys.")
    return key


def load_private_key(pem: bytes, passphrase: str):
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

    try:
        key = serialization.load_pem_private_key(pem, password=passphrase.encode("utf-8") if passphrase else None)
    except TypeError as exc:
        raise SealingError("私钥需要口令。", "The private key needs its passphrase.") from exc
    except ValueError as exc:
        raise SealingError("口令不正确，或这不是有效的私钥文件。", "Wrong passphrase, or not a valid private key file.") from exc
    if not isinstance(key, X25519PrivateKey):
        raise SealingError("私钥类型不对：汇智使用 X25519 密钥。", "Wrong key type: Huizhi uses X25519 keys.")
    return key


def seal(payload: bytes, public_key) -> bytes:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    ephemeral = X25519PrivateKey.generate()
    key = _derive(ephemeral.exchange(public_key))
    nonce = os.urandom(12)
    ephemeral_public = ephemeral.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return MAGIC + ephemeral_public + nonce + AESGCM(key).encrypt(nonce, payload, MAGIC + ephemeral_public)


def open_sealed(sealed: bytes, private_key) -> bytes:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    if len(sealed) < 4 + 32 + 12 + 16 or not sealed.startswith(MAGIC):
        raise SealingError("加密的答卷已损坏。", "A sealed response is damaged.")
    ephemeral_public, nonce, body = sealed[4:36], sealed[36:48], sealed[48:]
    key = _derive(private_key.exchange(X25519PublicKey.from_public_bytes(ephemeral_public)))
    try:
        return AESGCM(key).decrypt(nonce, body, MAGIC + ephemeral_public)
    except InvalidTag as exc:
        raise SealingError(
            "无法解密：这些答卷不是用这把密钥加密的，或数据已被篡改。",
            "Cannot decrypt: these responses were not sealed for this key, or they were tampered with.",
        ) from exc


def _derive(shared: bytes) -> bytes:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_INFO).derive(shared)
