// XmlScanner: a small streaming XML scanner for the worksheet part of an
// .xlsx, which is most of an import's reading time (a 1 M-row sheet is
// 800 MB of XML; expat took 5 s of CPU over it). It is fed pieces of the
// inflated part as they come (buffer() + parse()) and reports elements by
// local name (a namespace prefix dropped), their attributes and text
// (entities and character references decoded, CDATA as text, line ends as
// \n), skipping comments and processing instructions. It checks what the
// sheet reader relies on: tags balanced, attributes well formed, UTF-8 and
// XML characters valid in text and values, one root, nothing left open at
// the end. It does not check what carries no cell data: the characters of
// names, the syntax of processing instructions and of the XML declaration
// (beyond its encoding), "]]>" in text, attributes given twice. Where expat
// accepts a document the events are the same (tests/exchange/
// xml_scanner_test.cc; a differential fuzz of 300,000 mutated sheets, 24,684
// of them accepted by expat, found no difference and nothing the scanner
// refused that expat took).
// A document it does not take (a DOCTYPE, an encoding other than UTF-8, a
// UTF-16 byte order mark) is answered kUnsupported before any event, so
// the caller can read it with expat instead. Used by xlsx_reader.cc.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace lz::exchange {

struct XmlAttr {
  std::string_view name;   // local name
  std::string_view value;  // decoded
};

// What the scanner reports; views are valid during the call only.
class XmlHandler {
 public:
  virtual ~XmlHandler() = default;
  virtual void start(std::string_view name, const XmlAttr* attrs, size_t n) = 0;
  virtual void end(std::string_view name) = 0;
  // Text in pieces: one run of text may come in several calls.
  virtual void text(std::string_view piece) = 0;
};

class XmlScanner {
 public:
  enum Status { kOk, kError, kUnsupported };
  explicit XmlScanner(XmlHandler& h) : h_(h) {}
  // A place for the next `n` bytes of the document; then parse(n).
  char* buffer(size_t n);
  // Parses what is complete of the bytes given so far; `last` ends the
  // document (n may be 0).
  Status parse(size_t n, bool last);
  // After kError: what is wrong (English, for the damaged-file message) and
  // the line it is on (1-based).
  const std::string& error() const { return error_; }
  long line() const { return line_; }

 private:
  // Each returns how far it got: the end of the token, or 0 if the token
  // is not complete yet (wait for more bytes), or sets error_ and returns 0.
  size_t tag(size_t p);
  size_t end_tag(size_t p);
  size_t special(size_t p);
  bool text_run(const char* b, const char* e);
  bool decode(const char* b, const char* e, bool attribute, std::string& out);
  bool fail(const char* at, std::string what);
  long lines_to(const char* at) const;

  XmlHandler& h_;
  std::vector<char> buf_;
  size_t begin_ = 0, end_ = 0;  // the unparsed bytes of buf_
  long line_ = 1;               // the line at buf_[0]
  bool started_ = false;        // the byte order mark and encoding looked at
  bool first_ = true;           // no token yet (where an XML declaration may be)
  bool seen_root_ = false;
  std::vector<std::string> open_;  // names of the open elements (qualified)
  size_t depth_ = 0;
  std::vector<XmlAttr> attrs_;
  std::vector<int> which_;           // attrs_ index -> values_ index, or -1 (as written)
  std::vector<std::string> values_;  // decoded attribute values that had entities
  std::string scratch_;
  std::string error_;
  Status status_ = kOk;
};

}  // namespace lz::exchange
