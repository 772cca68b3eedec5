"""Number formatting and terminal safety shared by the sub-commands' text output."""

from __future__ import annotations

__all__ = ["fmt", "terminal_safe", "TerminalSafe", "MAX_MESSAGE_CHARS"]

#: Longest error message written to the terminal [characters].
MAX_MESSAGE_CHARS = 4000

#: Removed from anything written to the terminal: C0 controls but tab and line feed (an
#: ESC starts escape sequences that recolour, move the cursor or retitle the window; CR
#: overwrites a line), DEL, C1 controls, and the bidirectional overrides and isolates
#: that reorder what is shown ("Trojan Source").
_UNSAFE = {c: None for c in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x0D, 0x7F,
                             *range(0x80, 0xA0), *range(0x202A, 0x202F),
                             *range(0x2066, 0x206A))}
# lone surrogates (not valid Unicode) would make the UTF-8 terminal writer fail
_UNSAFE.update({c: "\ufffd" for c in range(0xD800, 0xE000)})


def fmt(value: float) -> str:
    """A readable number; NaN (no factor) reads "not covered", never 0."""
    if value != value:  # NaN
        return "not covered"
    return f"{value:,.4g}" if abs(value) < 1e4 else f"{value:,.0f}"


def terminal_safe(text: str) -> str:
    """``text`` without control characters a terminal would act on (linear time)."""
    return text.translate(_UNSAFE)


class TerminalSafe:
    """A text stream wrapper whose ``write`` drops :func:`terminal_safe`'s characters;
    the CLI writes every sub-command's output through it (names from project files,
    HAR titles and page URLs are untrusted)."""

    def __init__(self, stream):
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(terminal_safe(text))
        return len(text)

    def __getattr__(self, name):
        return getattr(self._stream, name)
