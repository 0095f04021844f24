// Field labels: the name of a request field in the user's language, so that
// an error says "公民身份号码" (or "ID number") where the body said
// "id_number". The labels are those of the import templates
// (exchange/columns.h and the kinds' specs) and the glossary; a request
// schema may give a key its own meaning ("name": 姓名 of a person, 名称 of
// a purchase point). Api::run labels every problem+json response with them.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/error.h"
#include "http/message.h"

namespace lz::http {

struct FieldLabel {
  std::string zh, en;  // both empty when the key is unknown
  bool empty() const { return zh.empty(); }
  const std::string& in(Lang lang) const { return lang == Lang::kEn ? en : zh; }
};

// The label of a field path of a request to `schema` (an OpenAPI component
// name such as "KeyPersonInput", or ""): "id_number" -> 公民身份号码 / ID
// number; "members[2].name" -> 第3位成员的姓名 / member 3: name;
// "travellers[0].temperature" -> 第1位乘车人员的体温; "readings[0].temperature" ->
// 体温记录第1项的体温.
FieldLabel field_label(std::string_view path, std::string_view schema = "");

// `message` with the field's raw key (the path, or its last member) replaced
// by the label where it stands as a word of its own outside quotes: "name应为
// 文字" -> "名称应为文字". English messages only at their start
// ("person_id must be ..." -> "Person must be ...") or where the key is
// plainly an identifier (has '_', '.' or '[').
std::string name_field(const std::string& message, std::string_view path, const FieldLabel& label,
                       Lang lang);

// `e` (and its details) for a reader who does not know the JSON keys, as the
// command line prints it: the field becomes its label in `lang` and the
// message names the field by it (name_field); the field is dropped when the
// message already names it ("登录名“tt”无效", not "login: 登录名“tt”无效").
// A field without a label (a command-line option such as --db) is kept.
Error label_error(Error e, Lang lang, std::string_view schema = "");

// The members of a request body whose JSON type the route's schema refuses
// (a number where text is due, text where an integer is, a date that is not
// YYYY-MM-DD...), one field error each (request.field_type), skipping the
// top-level members in `known`. Only the plain types are checked: "number"
// refuses only booleans, objects and arrays (a temperature may come as
// "37.3℃"), and nothing is said of missing members.
std::vector<Error> schema_type_errors(const nlohmann::json& body, std::string_view schema,
                                      const std::vector<std::string>& known);

// Finishes a 4xx problem+json response of a route whose request has
// `schema`: when it names bad fields of a 422, the other members of the
// body that the schema refuses are added (so one answer lists every bad
// field, not only the first the handler met); every entry of "errors" gets
// its "label" and has the field named in its message (name_field); several
// errors make the "detail" list them all, for clients that read only it.
void label_problem(HttpResponse& r, const HttpRequest& req, std::string_view schema, Lang lang);

}  // namespace lz::http
