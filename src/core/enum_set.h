// EnumSet<E>: a set of values of a small enum (at most 32 values), as bits,
// with no allocation. The fronts' vocabularies use it for sets such as the
// causes of poverty (poverty::CauseSet) and symptoms (epidemic::SymptomSet).
#pragma once
#include <bit>
#include <cstdint>
#include <initializer_list>

namespace lz {

template <typename E>
class EnumSet {
 public:
  constexpr EnumSet() = default;
  constexpr EnumSet(std::initializer_list<E> values) {
    for (E e : values) add(e);
  }
  static constexpr EnumSet from_bits(uint32_t bits) {
    EnumSet s;
    s.bits_ = bits;
    return s;
  }
  constexpr void add(E e) { bits_ |= bit(e); }
  constexpr void remove(E e) { bits_ &= ~bit(e); }
  constexpr bool has(E e) const { return (bits_ & bit(e)) != 0; }
  constexpr bool empty() const { return bits_ == 0; }
  constexpr int size() const { return std::popcount(bits_); }
  constexpr uint32_t bits() const { return bits_; }
  friend constexpr bool operator==(EnumSet a, EnumSet b) = default;

 private:
  static constexpr uint32_t bit(E e) { return uint32_t{1} << static_cast<unsigned>(e); }
  uint32_t bits_ = 0;
};

}  // namespace lz
