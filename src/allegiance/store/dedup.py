"""SimHash signatures as the store keeps them, and the banding that finds near-duplicates.

A near-duplicate is a 64-bit SimHash within Hamming distance 3 (``MAX_DISTANCE``) of a stored
one. Split the 64 bits into four 16-bit bands: three differing bits can touch at most three
bands, so two such signatures agree exactly on at least one (pigeonhole). Each band is an indexed
integer column, so candidates come from four index lookups (``band0 = ? OR band1 = ? …``) and the
exact distance is checked in Python on the few rows returned. No false negatives by construction;
false candidates cost one popcount each.

PostgreSQL has no unsigned 64-bit integer, so the signature is stored as its signed two's
complement (``to_signed``) and read back with ``to_unsigned``.
"""

from __future__ import annotations

from allegiance.errors import StoreError

BITS = 64
BANDS = 4
BAND_BITS = BITS // BANDS
MAX_DISTANCE = 3
_MASK = (1 << BITS) - 1


def signature_int(signature: int | bytes) -> int:
    """The unsigned 64-bit value of a SimHash given as an int (signed or not) or 8 bytes."""
    if isinstance(signature, bytes | bytearray):
        if len(signature) != BITS // 8:
            raise StoreError(f"a SimHash signature is 8 bytes, got {len(signature)}")
        return int.from_bytes(signature, "big")
    if not -(1 << (BITS - 1)) <= signature <= _MASK:
        raise StoreError("a SimHash signature must fit in 64 bits")
    return signature & _MASK


def to_signed(value: int) -> int:
    return value - (1 << BITS) if value >= 1 << (BITS - 1) else value


def to_unsigned(value: int) -> int:
    return value & _MASK


def bands(value: int) -> list[int]:
    """The four 16-bit bands of an unsigned signature, most significant first."""
    mask = (1 << BAND_BITS) - 1
    return [(value >> (BAND_BITS * (BANDS - 1 - i))) & mask for i in range(BANDS)]


def hamming(a: int, b: int) -> int:
    return ((a ^ b) & _MASK).bit_count()
