"""范文参考库 cleanup: raw 范文 pages -> one clean Markdown page per report."""

__version__ = "0.1.0"
