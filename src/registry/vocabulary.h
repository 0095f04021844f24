// The templates every front's vocabulary shares (poverty/vocab.h,
// epidemic/vocab.h): vocabulary<E>() lists the values of one of a front's
// enums in enum order, each with its stored id and its Chinese and English
// labels; label(), id(), zh(), en() read a value's entry and parse<E>()
// finds a value by id or label. Each front declares vocabulary<E>() for its
// enums in this namespace, defines it in its vocab.cc and brings the names
// into its own namespace with using-declarations.
#pragma once
#include <cstddef>
#include <optional>
#include <span>
#include <string_view>

#include "registry/enums.h"

namespace lz::enums {

template <typename E>
std::span<const Value> vocabulary();

template <typename E>
const Value& label(E e) {
  return vocabulary<E>()[static_cast<size_t>(e)];
}
template <typename E>
const char* id(E e) {
  return label(e).id;
}
template <typename E>
const char* zh(E e) {
  return label(e).zh;
}
template <typename E>
const char* en(E e) {
  return label(e).en;
}

// Finds a value by id or Chinese label (spaces and full-width characters
// normalised, as in find).
template <typename E>
std::optional<E> parse(std::string_view input) {
  auto values = vocabulary<E>();
  auto found = find(values, input);
  if (!found) return std::nullopt;
  for (size_t i = 0; i < values.size(); ++i)
    if (values[i].id == found->id) return static_cast<E>(i);
  return std::nullopt;
}

}  // namespace lz::enums
