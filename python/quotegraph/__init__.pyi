from dataclasses import dataclass
from typing import Any, Dict, Iterable, Iterator, List, Optional, Sequence, Tuple, Union

import networkx
import pandas

__version__: str

class QuotegraphError(ValueError): ...

@dataclass(frozen=True)
class Mention:
    text: str
    start: int
    end: int
    start_byte: int
    end_byte: int

@dataclass(frozen=True)
class Entity:
    id: str
    name: str
    kind: str
    aliases: Tuple[str, ...]
    roles: Tuple[str, ...]
    mentions: Tuple[Mention, ...]

@dataclass(frozen=True)
class Attribution:
    id: str
    kind: str
    content: str
    start: int
    end: int
    start_byte: int
    end_byte: int
    speaker: Optional[Entity]
    speaker_mention: Optional[Mention]
    cue: Optional[Mention]
    cue_lemma: Optional[str]
    addressee: Optional[Entity]
    addressee_mention: Optional[Mention]
    about: Tuple[Tuple[Optional[Entity], Mention], ...]
    via: Optional[str]
    confidence: float
    rule: str
    pieces: Tuple[Mention, ...]
    @property
    def speaker_name(self) -> Optional[str]: ...

@dataclass
class Document:
    text: str
    path: Optional[str]
    outlet: Optional[str]
    attributions: List[Attribution]
    entities: List[Entity]
    metadata: Dict[str, Any]
    raw: Dict[str, Any]
    def __len__(self) -> int: ...

Record = Union[str, bytes, Dict[str, Any]]

def analyze(text: Union[str, bytes], path: Optional[str] = ..., outlet: Optional[str] = ...) -> Document: ...
def analyze_many(records: Iterable[Record], threads: int = ..., chunk: int = ...,
                 errors: str = ...) -> Iterator[Optional[Document]]: ...
def to_frame(docs: Iterable[Document]) -> pandas.DataFrame: ...
def entities_frame(docs: Iterable[Document]) -> pandas.DataFrame: ...
def graph(docs: Sequence[Document], statements: bool = ...) -> networkx.MultiDiGraph: ...
def graph_json(docs: Sequence[Document], statements: bool = ..., unify: bool = ...) -> str: ...
def merge_graphs(parts: Iterable[Union[str, bytes]], unify: bool = ...) -> str: ...
def graphml(docs: Sequence[Document]) -> str: ...
def gexf(docs: Sequence[Document]) -> str: ...
def echo(docs: Sequence[Document]) -> Dict[str, Any]: ...
def diff(docs: Sequence[Document], outlets: Optional[Sequence[str]] = ...) -> Dict[str, Any]: ...

@dataclass(frozen=True)
class Page:
    text: str
    title: str
    byline: str
    date: str
    url: str
    site_name: str

def extract_html(html: Union[str, bytes]) -> Page: ...
