"""bookpages.py: what the book (build-book.sh) and the slides
(build-slides.sh) both need to know of the course's two editions.
Both run it from the repository's root."""
import os
import re

ID_DIR = os.path.join("notebooks", "id")


def id_sources():
    """The Indonesian notebooks, in order; none when the edition is absent."""
    if not os.path.isdir(ID_DIR):
        return []
    return sorted(os.path.join(ID_DIR, f) for f in os.listdir(ID_DIR) if f.endswith(".ipynb"))


def course_title(readme, fallback):
    """The first level-1 heading of readme, or fallback."""
    try:
        with open(readme, encoding="utf-8") as f:
            return next((line[2:].strip() for line in f if line.startswith("# ")), fallback)
    except OSError:
        return fallback


def with_lang(page, lang):
    """page with lang as its <html> element's language (nbconvert writes en or none)."""
    if lang == "en":
        return page
    page = re.sub(r"<html(?![^>]*\blang=)", '<html lang="%s"' % lang, page, count=1)
    return re.sub(r'<html lang="en"', '<html lang="%s"' % lang, page, count=1)
