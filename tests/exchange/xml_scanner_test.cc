// XmlScanner (the worksheet's XML scanner): the same events as expat for
// every construct a sheet may hold, whatever the pieces it is fed in;
// well-formedness errors with their line; documents it leaves to expat.
#include "exchange/xml_scanner.h"

#include <expat.h>
#include <gtest/gtest.h>

#include <cstring>
#include <random>
#include <string>
#include <vector>

namespace lz::exchange {
namespace {

// Events as one string: S(name a=v ...) E(name) T(text), consecutive text
// joined (expat and the scanner cut text in different places).
struct Recorder final : XmlHandler {
  std::string out, pending;
  void flush() {
    if (!pending.empty()) out += "T(" + pending + ")";
    pending.clear();
  }
  void start(std::string_view name, const XmlAttr* a, size_t n) override {
    flush();
    out += "S(" + std::string(name);
    for (size_t i = 0; i < n; ++i)
      out += " " + std::string(a[i].name) + "=" + std::string(a[i].value);
    out += ")";
  }
  void end(std::string_view name) override {
    flush();
    out += "E(" + std::string(name) + ")";
  }
  void text(std::string_view piece) override { pending += piece; }
};

std::string_view local(const char* n) {
  std::string_view s(n);
  auto c = s.rfind(':');
  return c == std::string_view::npos ? s : s.substr(c + 1);
}

// Expat's events for the same document (the reference), or "error".
std::string with_expat(const std::string& doc) {
  Recorder r;
  XML_Parser p = XML_ParserCreate(nullptr);
  XML_SetUserData(p, &r);
  XML_SetElementHandler(
      p,
      [](void* ud, const char* name, const char** atts) {
        std::vector<XmlAttr> a;
        for (int i = 0; atts[i]; i += 2) a.push_back({local(atts[i]), atts[i + 1]});
        static_cast<Recorder*>(ud)->start(local(name), a.data(), a.size());
      },
      [](void* ud, const char* name) { static_cast<Recorder*>(ud)->end(local(name)); });
  XML_SetCharacterDataHandler(p, [](void* ud, const char* s, int len) {
    static_cast<Recorder*>(ud)->text(std::string_view(s, static_cast<size_t>(len)));
  });
  bool ok = XML_Parse(p, doc.data(), static_cast<int>(doc.size()), 1) != XML_STATUS_ERROR;
  XML_ParserFree(p);
  r.flush();
  return ok ? r.out : "error";
}

struct Scanned {
  XmlScanner::Status status;
  std::string events;
  std::string error;
  long line = 0;
};

// Feeds `doc` in pieces of `piece` bytes (then the end).
Scanned scan(const std::string& doc, size_t piece) {
  Recorder r;
  XmlScanner s(r);
  XmlScanner::Status st = XmlScanner::kOk;
  for (size_t at = 0; st == XmlScanner::kOk && at < doc.size(); at += piece) {
    size_t n = std::min(piece, doc.size() - at);
    std::memcpy(s.buffer(n), doc.data() + at, n);
    st = s.parse(n, false);
  }
  if (st == XmlScanner::kOk) {
    s.buffer(0);
    st = s.parse(0, true);
  }
  r.flush();
  return {st, r.out, s.error(), s.line()};
}

const char* kDocs[] = {
    // What libxlsxwriter and Excel write.
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>)"
    R"(<row r="1"><c r="A1" s="1" t="inlineStr"><is><t>户编号</t></is></c><c r="B1" t="s"><v>0</v></c></row>)"
    R"(<row r="3"><c r="C3"><v>43873</v></c><c r="D3" t="inlineStr"><is><t>x&lt;&amp;&gt;&quot;y&apos;</t></is></c></row>)"
    R"(</sheetData></worksheet>)",
    // Prefixes, single quotes, spaces around '=', self-closing, empty attributes.
    "<x:worksheet xmlns:x='urn:x'><x:sheetData><x:row r = '2' spans=\"\"><x:c r='B2'/>"
    "<x:c  r=\"C2\"\tt=\"str\" "
    "><x:f>A1</x:f><x:v>3</x:v></x:c></x:row></x:sheetData></x:worksheet>",
    // Character references (1 to 4 UTF-8 bytes), in text and in attributes.
    "<a t='&#65;&#x4e2d;&#x41;'>&#65;&#x4E2D;&#128512;&#xA9;&#9;</a>",
    // CDATA, comments, processing instructions, a BOM and CRLF line ends.
    "\xEF\xBB\xBF<?xml version='1.0'?>\r\n<!-- head -->\r\n<a>x\r\ny\rz<![CDATA[<b>&amp;\r\n]]>"
    "<?pi data?><!-- in --><b v='p\r\nq\tr\ns'/>中文 文字\n</a>\r\n<!-- tail -->\n",
    // Rich text with phonetic runs, nested.
    "<si><r><rPr><b/></rPr><t xml:space=\"preserve\"> 张 </t></r><rPh sb=\"0\" "
    "eb=\"1\"><t>ちょう</t>"
    "</rPh><phoneticPr fontId=\"1\"/></si>",
    // '>' inside an attribute value.
    "<a v='1>2' w=\"a'b\">t</a>",
};

TEST(XmlScanner, SameEventsAsExpatInAnyPieces) {
  for (const char* d : kDocs) {
    std::string doc = d;
    std::string want = with_expat(doc);
    ASSERT_NE(want, "error") << doc;
    for (size_t piece : {size_t{1}, size_t{2}, size_t{3}, size_t{7}, size_t{64}, doc.size()}) {
      auto got = scan(doc, piece);
      EXPECT_EQ(got.status, XmlScanner::kOk) << got.error << " in " << doc;
      EXPECT_EQ(got.events, want) << "pieces of " << piece << ": " << doc;
    }
  }
}

TEST(XmlScanner, RefusesWhatExpatRefusesWithTheLine) {
  struct {
    const char* doc;
    long line;
  } bad[] = {
      {"<a>\n<b>\n</a>", 3},                // mismatched
      {"<a>\n<b></b>\n", 3},                // not closed at the end
      {"<a/>\n<b/>", 2},                    // a second root
      {"<a>x</a>\nyz", 2},                  // text after the root
      {"<a>\n\xC3\x28</a>", 2},             // invalid UTF-8
      {"<a>\xED\xA0\x80</a>", 1},           // a surrogate
      {"<a>\xC0\xAF</a>", 1},               // overlong
      {"<a>&nbsp;</a>", 1},                 // undefined entity
      {"<a>&#0;</a>", 1},                   // not an XML character
      {"<a>&#xD800;</a>", 1},               // nor is a surrogate
      {"<a>\x01</a>", 1},                   // a control character
      {"<a v='<'/>", 1},                    // '<' in an attribute
      {"<a v=x/>", 1},                      // unquoted
      {"<a v='1'w='2'/>", 1},               // no space between attributes
      {"<a>&amp</a>", 1},                   // unterminated reference
      {"", 1},                              // nothing
      {"<!-- only a comment -->", 1},       // no element
      {"<a>\n\n<b attr='x", 3},             // cut inside a tag
      {"<a></a><?xml version='1.0'?>", 1},  // a late declaration
      {"<a><!DOCTYPE a></a>", 1},           // a DOCTYPE inside
      {"<a><!WHAT></a>", 1},
      {"<a>&#X41;</a>", 1},  // only a lowercase x
      {"<a>\n</b>", 2},      // closing what is not open
  };
  for (const auto& b : bad) {
    std::string doc = b.doc;
    EXPECT_EQ(with_expat(doc), "error") << doc;
    for (size_t piece : {size_t{1}, size_t{5}, doc.size() + 1}) {
      auto got = scan(doc, piece);
      EXPECT_EQ(got.status, XmlScanner::kError) << doc;
      EXPECT_FALSE(got.error.empty()) << doc;
      EXPECT_EQ(got.line, b.line) << doc << ": " << got.error;
    }
  }
}

TEST(XmlScanner, LeavesOtherEncodingsAndDoctypesToExpat) {
  for (std::string doc :
       {std::string("<?xml version='1.0' encoding='UTF-16'?><a/>"),
        std::string("<?xml version=\"1.0\" encoding=\"GBK\"?><a/>"),
        std::string("<!DOCTYPE a [<!ENTITY e 'x'>]><a>&e;</a>"),
        std::string("<!-- c --><!DOCTYPE a><a/>"), std::string("\xFF\xFE<\0a\0/\0>\0", 10),
        std::string("<\0a\0/\0>\0", 8)}) {
    for (size_t piece : {size_t{1}, size_t{3}, doc.size()}) {
      auto got = scan(doc, piece);
      EXPECT_EQ(got.status, XmlScanner::kUnsupported) << doc;
      EXPECT_EQ(got.events, "") << doc;
    }
  }
  EXPECT_EQ(scan("<?xml version='1.0' encoding='utf-8'?><a/>", 4).status, XmlScanner::kOk);
}

TEST(XmlScanner, LongTextAndManyElementsAcrossPieces) {
  std::string doc = "<root>";
  for (int i = 0; i < 3000; ++i)
    doc += "<c r=\"A" + std::to_string(i) + "\"><t>" +
           std::string(static_cast<size_t>(i % 97), 'x') + "姓名&amp;" + std::to_string(i) +
           "</t></c>";
  doc += "<big>" + std::string(300000, 'y') + "</big></root>";
  std::string want = with_expat(doc);
  for (size_t piece : {size_t{1000}, size_t{65536}, size_t{262144}}) {
    auto got = scan(doc, piece);
    EXPECT_EQ(got.status, XmlScanner::kOk) << got.error;
    EXPECT_TRUE(got.events == want) << "pieces of " << piece;
  }
}

// Mutated sheets (random fragments inserted, bytes dropped or replaced):
// where expat accepts one, the scanner gives the same events, and it never
// refuses what expat accepts. (It may accept some that expat refuses: see
// xml_scanner.h.)
TEST(XmlScanner, MutatedSheetsNeverDisagreeWithExpat) {
  const std::string seeds[] = {
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n<x:worksheet xmlns:x=\"u\"><x:sheetData>"
      "<x:row r=\"1\"><x:c r=\"A1\" t=\"inlineStr\"><x:is><x:t>张&amp;三&#x4E2D;</x:t></x:is></x:c>"
      "<x:c r='B1' s=\"2\"><x:v>43873</x:v></x:c></x:row><!-- c "
      "--><x:row/></x:sheetData></x:worksheet>",
      "<a b='1' c=\"&lt;&gt;\"><![CDATA[x<y]]>t\r\nu<?p q?><d/></a>",
  };
  const char* frags[] = {"<",          ">",   "&",    ";",    "'",         "\"",           "=",
                         "/",          " ",   "\r",   "\n",   "\t",        "&amp;",        "&#65;",
                         "&#x10FFFF;", "]]>", "<!--", "-->",  "<![CDATA[", "\xE4\xB8\xAD", "\xE4",
                         "\x80",       ":",   "<a>",  "</a>", "<b/>",      "?>",           "<?",
                         "\x01",       "x"};
  std::mt19937 rng(20200212);
  int accepted = 0;
  for (int it = 0; it < 20000; ++it) {
    std::string d = seeds[rng() % 2];
    for (int m = 0, muts = 1 + static_cast<int>(rng() % 3); m < muts; ++m) {
      size_t pos = rng() % (d.size() + 1);
      const char* f = frags[rng() % (sizeof frags / sizeof *frags)];
      switch (rng() % 3) {
        case 0:
          d.insert(pos, f);
          break;
        case 1:
          if (pos < d.size()) d.erase(pos, 1 + rng() % 3);
          break;
        default:
          if (pos < d.size()) d[pos] = f[0];
      }
    }
    std::string want = with_expat(d);
    auto got = scan(d, 1 + rng() % 9);
    if (got.status == XmlScanner::kUnsupported || want == "error") continue;
    ++accepted;
    ASSERT_EQ(got.status, XmlScanner::kOk) << got.error << " in " << d;
    ASSERT_EQ(got.events, want) << d;
  }
  EXPECT_GT(accepted, 1000);
}

}  // namespace
}  // namespace lz::exchange
