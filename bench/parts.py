"""docs/performance.md is a sequence of parts, each from a top-level heading ("# Performance of
...", "# Search quality") to the next. The full report (report.py) writes them all; each
*_report.py can also rewrite its own part alone. These two functions are how both find a part."""

# Where the next part begins: a line that starts one of the top-level headings. ("# " alone
# would also match a shell comment in a code block.)
NEXT_PART = "\n# Performance of"


def kept_part(document: str, heading: str) -> str:
    """The part of `document` from the line `heading` up to the next part ("" without it)."""
    start = document.find("\n" + heading + "\n")
    if start < 0:
        return ""
    end = document.find(NEXT_PART, start + len(heading) + 2)
    part = document[start + 1 : end if end >= 0 else len(document)]
    return "\n" + part.rstrip("\n") + "\n"


def splice(document: str, heading: str, part: str, before: str = "") -> str:
    """`document` with the part under `heading` replaced by `part`. A document without that part
    gets it before the heading `before`, or at the end."""
    part = part.strip("\n") + "\n"
    marker = "\n" + heading + "\n"
    if marker in document:
        head, rest = document.split(marker, 1)
        end = rest.find(NEXT_PART)
        tail = rest[end:] if end >= 0 else ""
        return head.rstrip("\n") + "\n\n" + part + tail
    if before and "\n" + before in document:
        head, rest = document.split("\n" + before, 1)
        return head.rstrip("\n") + "\n\n" + part + "\n" + before + rest
    return document.rstrip("\n") + "\n\n" + part
