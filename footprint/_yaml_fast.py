"""A lean YAML reader on libyaml's C parser events, for the ordinary case.

PyYAML's loader composes a node tree, then constructs Python objects from it through
generic, extensible machinery; with libyaml's C parser that construction is ~90 % of
the time of reading a large project (2.4 s for 10,000 services). Here plain data are
built straight from the parser's events, with PyYAML's own resolver and scalar
constructors (the same types and values: YAML 1.1 booleans, integers with underscores,
dates…), each distinct plain scalar resolved once.

It only accepts what :func:`footprint.loaders.load_yaml` accepts without a question: on
anything else (an alias, a duplicate key, too many keys, an over-long number, an explicit
tag other than the core ones, a merge key, a mapping or sequence as a key, a parse
error, more than one document) it gives up with :class:`Unusual`, and the full loader
reads the text again and gives its answer or its precise error.
"""

from __future__ import annotations

import functools

__all__ = ["Unusual", "load"]

_CORE = "tag:yaml.org,2002:"
_SCALARS = {_CORE + "int": "construct_yaml_int", _CORE + "float": "construct_yaml_float",
            _CORE + "bool": "construct_yaml_bool", _CORE + "null": "construct_yaml_null",
            _CORE + "timestamp": "construct_yaml_timestamp"}


class Unusual(Exception):
    """The text needs the full loader (its answer, or its error message)."""


@functools.cache
def _machinery():
    import yaml
    from yaml import events
    from yaml._yaml import CParser  # libyaml; ImportError without it
    from yaml.constructor import SafeConstructor
    from yaml.nodes import ScalarNode
    from yaml.resolver import Resolver

    return (CParser, yaml.YAMLError, Resolver(), SafeConstructor(), ScalarNode,
            (events.MappingStartEvent, events.SequenceStartEvent, events.ScalarEvent,
             events.MappingEndEvent, events.SequenceEndEvent, events.StreamEndEvent))


def load(text: str, max_keys: int, max_number_chars: int):
    """The plain data of ``text`` (one document), or :class:`Unusual`."""
    try:
        CParser, YAMLError, resolver, constructor, ScalarNode, kinds = _machinery()
    except ImportError:
        raise Unusual from None
    MappingStart, SequenceStart, Scalar, MappingEnd, SequenceEnd, StreamEnd = kinds
    plain: dict[str, object] = {}  # plain scalar text -> its value, resolved once

    def scalar(event):
        tag, value = event.tag, event.value
        if tag is None or tag == "!":
            if event.implicit[0]:
                if value in plain:
                    return plain[value]
                tag = resolver.resolve(ScalarNode, value, event.implicit)
            else:
                return value  # quoted: a string
        if tag == _CORE + "str":
            out = value
        elif tag in _SCALARS:
            if tag != _CORE + "null" and len(value) > max_number_chars:
                raise Unusual
            out = getattr(constructor, _SCALARS[tag])(
                ScalarNode(tag, value, event.start_mark, event.end_mark))
        else:
            raise Unusual  # merge keys, binary, sets, python tags…: the full loader decides
        if event.implicit[0] and (event.tag is None or event.tag == "!"):
            plain[value] = out
        return out

    def node(event, parser):
        if isinstance(event, Scalar):
            return scalar(event)
        if not isinstance(event, MappingStart | SequenceStart) or \
                event.tag not in (None, "!", _CORE + "map", _CORE + "seq"):
            raise Unusual  # an alias, or a tagged collection
        if isinstance(event, SequenceStart):
            out = []
            while True:
                item = parser.get_event()
                if isinstance(item, SequenceEnd):
                    return out
                out.append(node(item, parser))
        mapping = {}
        while True:
            key_event = parser.get_event()
            if isinstance(key_event, MappingEnd):
                return mapping
            if not isinstance(key_event, Scalar):
                raise Unusual  # a mapping or sequence as a key, or an alias
            key = scalar(key_event)
            if key in mapping or len(mapping) >= max_keys:
                raise Unusual
            mapping[key] = node(parser.get_event(), parser)

    try:
        parser = CParser(text)
        parser.get_event()  # stream start
        first = parser.get_event()
        if isinstance(first, StreamEnd):
            return None
        data = node(parser.get_event(), parser)
        parser.get_event()  # document end
        if not isinstance(parser.get_event(), StreamEnd):
            raise Unusual  # more documents
        return data
    except (YAMLError, TypeError, ValueError, RecursionError):
        raise Unusual from None
