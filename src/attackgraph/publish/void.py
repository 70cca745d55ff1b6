"""``void.ttl``: the release described in VoID and DCAT.

One resource is both ``void:Dataset`` and ``dcat:Dataset``: title, description,
version, issue date, licence and attributions, each download as a
``dcat:Distribution`` (URL, media type, size, SHA-256), the SPARQL endpoint, the
vocabularies used, example resources and the statistics (triples, entities, distinct
subjects and objects, one partition per class and per property).

IRIs: the dataset is ``{base}/dataset``; its distributions, checksums and partitions
are fragments of it (``{base}/dataset#dist-attackgraph-nq-gz``,
``#class-ag-Attack``, ``#property-schema-name``), so the description has no blank
nodes. ``{base}/dataset`` is meant to redirect to ``void.ttl`` of the published
release.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Final

from pyoxigraph import Literal, NamedNode, Triple

from attackgraph.export import serialize_turtle
from attackgraph.namespaces import AG_NS, DCTERMS_NS, RDF, XSD, XSD_NS
from attackgraph.publish.stats import DataStats
from attackgraph.reference.gazetteer import GEONAMES_CREDIT

VOID_FILE: Final = "void.ttl"
VOID_NS: Final = "http://rdfs.org/ns/void#"
DCAT_NS: Final = "http://www.w3.org/ns/dcat#"
SPDX_NS: Final = "http://spdx.org/rdf/terms#"
MEDIA_TYPES: Final = "https://www.iana.org/assignments/media-types/"
ONTOLOGY_IRI: Final = AG_NS.rstrip("#")

SOURCE_LICENSE: Final = "https://creativecommons.org/licenses/by-sa/4.0/"
"""The source articles' licence, which carries over to the data read from them."""
SOURCE_ATTRIBUTION: Final = (
    "Contains text and facts from the source documents, licensed under CC BY-SA 4.0 "
    "(https://creativecommons.org/licenses/by-sa/4.0/); this dataset is shared under the "
    "same licence. Each source document is an ag:Document in the data, with its title "
    "(schema:name), file name (ag:sourceFile) and SHA-256 (ag:contentHash): credit its "
    "authors when you reuse the data."
)
GEONAMES: Final = "https://www.geonames.org/"


def _terms(namespace: str, *names: str) -> dict[str, NamedNode]:
    return {name: NamedNode(namespace + name) for name in names}


V: Final = _terms(
    VOID_NS,
    "Dataset", "triples", "entities", "classes", "properties", "distinctSubjects",
    "distinctObjects", "classPartition", "propertyPartition", "class", "property",
    "exampleResource", "sparqlEndpoint", "vocabulary", "uriSpace", "dataDump",
)  # fmt: skip
D: Final = _terms(
    DCAT_NS,
    "Dataset", "Distribution", "distribution", "downloadURL", "accessURL", "mediaType",
    "compressFormat", "byteSize", "version", "landingPage", "keyword",
)  # fmt: skip
T: Final = _terms(
    DCTERMS_NS, "title", "description", "issued", "license", "rights", "source", "conformsTo"
)
S: Final = _terms(
    SPDX_NS, "Checksum", "checksum", "algorithm", "checksumValue", "checksumAlgorithm_sha256"
)

_NOT_FRAGMENT: Final = re.compile(r"[^A-Za-z0-9_]+")


@dataclass(frozen=True)
class Download:
    """One file of the release offered as a distribution."""

    name: str
    """Path relative to the release folder."""
    title: str
    media_type: str
    size: int
    sha256: str
    compressed: bool = False


@dataclass(frozen=True)
class DatasetInfo:
    """What ``void.ttl`` says besides the counts."""

    base: str
    version: str
    issued: str | None
    download_base: str
    endpoint_url: str | None
    license: str = SOURCE_LICENSE
    attribution: str = SOURCE_ATTRIBUTION
    title: str = "attackgraph: armed attacks, their casualty figures and who claimed them"
    description: str = (
        "A knowledge graph of armed attacks read from encyclopedia-style articles: events "
        "and their sub-events, actors, places, casualty figures by population group and "
        "outcome, and claims that attribute each figure to the party that stated it and "
        "to the sentence of the source document it was read from. One named graph per "
        "source document; validated with the attackgraph SHACL shapes."
    )


def dataset_iri(base: str) -> str:
    """The dataset's IRI.

    >>> dataset_iri("https://w3id.org/attackgraph/")
    'https://w3id.org/attackgraph/dataset'
    """
    return base.rstrip("/") + "/dataset"


def fragment(kind: str, curie: str) -> str:
    """A readable, safe fragment for a part of the dataset.

    >>> fragment("class", "ag:Attack"), fragment("dist", "attackgraph.nq.gz")
    ('class-ag-Attack', 'dist-attackgraph-nq-gz')
    >>> fragment("property", "http://e/p")[:9]
    'property-'
    """
    if "://" in curie:
        return f"{kind}-{hashlib.sha256(curie.encode()).hexdigest()[:12]}"
    return f"{kind}-{_NOT_FRAGMENT.sub('-', curie).strip('-')}"


def void_triples(
    info: DatasetInfo,
    data: DataStats,
    downloads: Sequence[Download],
    *,
    examples: Iterable[str],
    vocabularies: Iterable[str],
    curie: Callable[[str], str],
) -> list[Triple]:
    """The statements of ``void.ttl``, dataset first, in a stable order."""
    ds = NamedNode(dataset_iri(info.base))
    part = ds.value + "#"
    download = info.download_base.rstrip("/") + "/"
    out: list[Triple] = []

    def add(s: NamedNode, p: NamedNode, o: NamedNode | Literal) -> None:
        out.append(Triple(s, p, o))

    def count(n: int) -> Literal:
        return Literal(str(n), datatype=XSD.integer)

    add(ds, RDF.type, V["Dataset"])
    add(ds, RDF.type, D["Dataset"])
    add(ds, T["title"], Literal(info.title, language="en"))
    add(ds, T["description"], Literal(info.description, language="en"))
    add(ds, D["version"], Literal(info.version))
    if info.issued:
        add(ds, T["issued"], Literal(info.issued, datatype=XSD.date))
    add(ds, T["license"], NamedNode(info.license))
    add(ds, T["rights"], Literal(info.attribution, language="en"))
    add(ds, T["rights"], Literal(GEONAMES_CREDIT, language="en"))
    add(ds, T["source"], NamedNode(GEONAMES))
    add(ds, T["conformsTo"], NamedNode(ONTOLOGY_IRI))
    for keyword in ("armed attacks", "casualties", "claims", "provenance", "conflict data"):
        add(ds, D["keyword"], Literal(keyword, language="en"))
    add(ds, D["landingPage"], NamedNode(download + "index.html"))
    if info.endpoint_url:
        add(ds, V["sparqlEndpoint"], NamedNode(info.endpoint_url))
    add(ds, V["uriSpace"], Literal(info.base.rstrip("/") + "/id/"))
    for namespace in sorted(set(vocabularies)):
        add(ds, V["vocabulary"], NamedNode(namespace))
    for example in examples:
        add(ds, V["exampleResource"], NamedNode(example))
    add(ds, V["triples"], count(data.triples))
    add(ds, V["entities"], count(data.entities))
    add(ds, V["classes"], count(len(data.classes)))
    add(ds, V["properties"], count(len(data.properties)))
    add(ds, V["distinctSubjects"], count(data.distinct_subjects))
    add(ds, V["distinctObjects"], count(data.distinct_objects))
    for item in downloads:
        if item.media_type != "text/html":
            add(ds, V["dataDump"], NamedNode(download + item.name))
    dists = [(NamedNode(part + fragment("dist", d.name)), d) for d in downloads]
    for node, _ in dists:
        add(ds, D["distribution"], node)
    classes = [
        (NamedNode(part + fragment("class", curie(c))), c, n) for c, n in _items(data.classes)
    ]
    properties = [
        (NamedNode(part + fragment("property", curie(p))), p, n) for p, n in _items(data.properties)
    ]
    for node, _, _ in classes:
        add(ds, V["classPartition"], node)
    for node, _, _ in properties:
        add(ds, V["propertyPartition"], node)

    for node, item in dists:
        url = NamedNode(download + item.name)
        add(node, RDF.type, D["Distribution"])
        add(node, T["title"], Literal(item.title, language="en"))
        add(node, D["accessURL"], url)
        add(node, D["mediaType"], NamedNode(MEDIA_TYPES + item.media_type))
        add(node, T["license"], NamedNode(info.license))
        if item.media_type == "text/html":
            continue
        add(node, D["downloadURL"], url)
        if item.compressed:
            add(node, D["compressFormat"], NamedNode(MEDIA_TYPES + "application/gzip"))
        add(
            node,
            D["byteSize"],
            Literal(str(item.size), datatype=NamedNode(XSD_NS + "nonNegativeInteger")),
        )
        checksum = NamedNode(node.value + "-sha256")
        add(node, S["checksum"], checksum)
        add(checksum, RDF.type, S["Checksum"])
        add(checksum, S["algorithm"], S["checksumAlgorithm_sha256"])
        add(
            checksum,
            S["checksumValue"],
            Literal(item.sha256, datatype=NamedNode(XSD_NS + "hexBinary")),
        )
    for node, cls, n in classes:
        add(node, V["class"], NamedNode(cls))
        add(node, V["entities"], count(n))
    for node, prop, n in properties:
        add(node, V["property"], NamedNode(prop))
        add(node, V["triples"], count(n))
    return out


def void_turtle(triples: Sequence[Triple], prefixes: Mapping[str, str]) -> bytes:
    """Turtle for ``triples``, with only the prefixes it uses, in the order given."""
    used: dict[str, str] = {}
    iris = [t.value for triple in triples for t in triple if isinstance(t, NamedNode)]
    iris += [t.datatype.value for triple in triples for t in triple if isinstance(t, Literal)]
    for name, namespace in prefixes.items():
        if any(iri.startswith(namespace) for iri in iris):
            used[name] = namespace
    return serialize_turtle(triples, used)


def _items(counts: Mapping[str, int]) -> list[tuple[str, int]]:
    return sorted(counts.items())
