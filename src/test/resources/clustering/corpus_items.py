"""Reads the real feed snapshots in ../shared/corpus/real into (feed, title, summary) rows; used by build_pairs.py."""
import xml.etree.ElementTree as ET, re, html, os
A = '{http://www.w3.org/2005/Atom}'
ROOT = os.environ.get('CORPUS', '/work/shared/corpus/real')
FILES = ['google_ai_blog_2025-07-26.xml', 'deepmind_blog_2025-07-26.xml', 'microsoft_ai_blog_2025-07-26.xml',
         'openai_news_2025-07-26.xml', 'series/anthropic_news_2026-04-30.xml', 'series/hackernews_best_2026-04-30.xml',
         'series/hackernews_best_2026-04-29.xml', 'series/hackernews_best_2026-04-28.xml']

def text(s):
    s = html.unescape(re.sub(r'<[^>]+>', ' ', s or ''))
    return re.sub(r'\s+', ' ', s).strip()

def items():
    out = []
    for f in FILES:
        r = ET.parse(os.path.join(ROOT, f)).getroot()
        its = r.findall('.//item') or r.findall('.//' + A + 'entry')
        for it in its:
            t = text(it.findtext('title') or it.findtext(A + 'title'))
            s = text(it.findtext('description') or it.findtext(A + 'summary') or it.findtext(A + 'content'))
            if s.startswith('Article URL') or s.startswith('Comments'): s = ''
            out.append((f.split('/')[-1].rsplit('_', 1)[0], t, s[:300]))
    return out
