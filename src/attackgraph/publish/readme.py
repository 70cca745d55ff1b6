"""``README.md`` of a release: what each file is, and how to host the folder."""

from __future__ import annotations

from collections.abc import Sequence

from attackgraph.publish.void import Download


def readme(
    *,
    base: str,
    version: str,
    download_base: str,
    downloads: Sequence[Download],
    endpoint_url: str | None,
) -> str:
    """The text (Markdown). Same inputs, same bytes.

    >>> print(readme(base="https://e.org/ag", version="1", download_base="https://e.org/r",
    ...              downloads=[], endpoint_url=None).splitlines()[0])
    # attackgraph release 1
    """
    rows = "\n".join(
        f"| [`{d.name}`]({d.name}) | {d.title} | {d.size:,} bytes |"
        for d in downloads
        if d.media_type != "text/html"
    )
    endpoint = (
        f"`attackgraph serve` on this folder answers SPARQL at {endpoint_url}.\n"
        if endpoint_url
        else ""
    )
    return f"""# attackgraph release {version}

Open [index.html](index.html) in a browser (it works from disk). Check the files with
`sha256sum -c SHA256SUMS`. {endpoint}
## Downloads

| file | what | size |
| --- | --- | --- |
{rows}

Beside them: [void.ttl](void.ttl) (VoID and DCAT description: licence, sizes, SHA-256,
statistics), [stats.json](stats.json) (counts per class and property, documents read,
built and skipped with the reasons), `validation-report.txt`, the ontology
([ontology.html](ontology.html), [ontology.ttl](ontology.ttl),
[ontology.jsonld](ontology.jsonld)), the SHACL shapes ([shapes.ttl](shapes.ttl)) and the
JSON-LD context ([context.jsonld](context.jsonld)).

## Pages and IRIs

Each event, actor, place and document has a page whose path mirrors its IRI:
`{base}/id/event/x` is `id/event/x.html`, with `id/event/x.ttl` and `id/event/x.jsonld`
beside it. All links between pages are relative, so the folder can be opened from disk
or copied to any static host under any path ({download_base}/ is the one `void.ttl`
announces).

To make the IRIs themselves resolve, redirect `{base}/id/…` to
`{download_base}/id/….html` (or `.ttl` / `.jsonld` by the `Accept` header), e.g. with a
w3id.org `.htaccess`:

```apache
RewriteCond %{{HTTP_ACCEPT}} text/turtle
RewriteRule ^id/(.+)$ {download_base}/id/$1.ttl [R=303,L]
RewriteCond %{{HTTP_ACCEPT}} application/ld\\+json
RewriteRule ^id/(.+)$ {download_base}/id/$1.jsonld [R=303,L]
RewriteRule ^id/(.+)$ {download_base}/id/$1.html [R=303,L]
RewriteRule ^dataset$ {download_base}/void.ttl [R=303,L]
```

A host that serves `x.html` for the extension-less path `x` (GitHub Pages, Netlify,
Cloudflare Pages, nginx with `try_files $uri $uri.html`) serves the pages at the IRI's
path directly.
"""
