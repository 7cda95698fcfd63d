#include "mime_record.hpp"

#include <algorithm>
#include <cctype>
#include <mutex>
#include <regex>
#include <set>

#include <gmime/gmime.h>

#include "dates.hpp"
#include "gobject_ptr.hpp"
#include "text.hpp"

namespace qloop::intake_email {

namespace {

using nlohmann::json;

constexpr std::size_t kMaxSourceKey = 512; // the host's limit

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

std::string trim(std::string_view s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  const auto e = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(b, e - b + 1));
}

std::string str(const char *s) { return s != nullptr ? valid_utf8(s) : std::string(); }

// "<id>". Appended piecewise: GCC 12 warns (-Wrestrict, a false positive,
// PR 105651) on "<" + std::string.
std::string angled(std::string_view id) {
  std::string out;
  out.reserve(id.size() + 2);
  out += '<';
  out += id;
  out += '>';
  return out;
}

std::string sha256_hex(std::string_view bytes) {
  GCharPtr hex(g_compute_checksum_for_data(G_CHECKSUM_SHA256, reinterpret_cast<const guchar *>(bytes.data()),
                                           bytes.size()));
  return hex.get();
}

struct OptionsFree {
  void operator()(GMimeParserOptions *o) const noexcept { g_mime_parser_options_free(o); }
};

// What the walk over the MIME tree collects.
struct Walk {
  const ConvertOptions &options;
  std::vector<std::string> warnings;
  json attachments = json::array();
  std::set<std::string> names;
  int unnamed = 0;
};

std::string mime_type(GMimeObject *object) {
  GMimeContentType *type = g_mime_object_get_content_type(object);
  if (type == nullptr) return "application/octet-stream";
  GCharPtr text(g_mime_content_type_get_mime_type(type));
  return lower(text ? text.get() : "application/octet-stream");
}

// Bytes of a leaf part with its transfer encoding (base64, quoted-printable)
// undone; no charset conversion.
std::string content_bytes(GMimePart *part) {
  GMimeDataWrapper *content = g_mime_part_get_content(part);
  if (content == nullptr) return {};
  GObjectPtr<GMimeStream> memory(g_mime_stream_mem_new());
  g_mime_data_wrapper_write_to_stream(content, memory.get());
  GByteArray *bytes = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(memory.get()));
  return std::string(reinterpret_cast<const char *>(bytes->data), bytes->len);
}

std::string serialize(GMimeObject *object) {
  GObjectPtr<GMimeStream> memory(g_mime_stream_mem_new());
  g_mime_object_write_to_stream(object, nullptr, memory.get());
  GByteArray *bytes = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(memory.get()));
  return std::string(reinterpret_cast<const char *>(bytes->data), bytes->len);
}

bool is_attachment_disposition(GMimeObject *object) {
  GMimeContentDisposition *d = g_mime_object_get_content_disposition(object);
  return d != nullptr && g_mime_content_disposition_is_attachment(d);
}

// A text/plain or text/html part meant to be read as the message, not a
// file: no "attachment" disposition and no file name.
bool is_body_text(GMimeObject *object, bool *html) {
  if (!GMIME_IS_PART(object)) return false;
  const std::string type = mime_type(object);
  if (type != "text/plain" && type != "text/html") return false;
  if (is_attachment_disposition(object) || g_mime_part_get_filename(GMIME_PART(object)) != nullptr)
    return false;
  if (html != nullptr) *html = type == "text/html";
  return true;
}

std::string part_text(GMimeObject *object, bool html, Walk &walk) {
  const std::string bytes = content_bytes(GMIME_PART(object));
  const char *charset = g_mime_object_get_content_type_parameter(object, "charset");
  Decoded d = to_utf8(bytes, charset != nullptr ? charset : "", walk.options.fallback_charsets);
  if (d.lossy)
    walk.warnings.push_back(std::string("body: some bytes did not decode as ") +
                            (charset != nullptr ? charset : "any known charset") + " and were replaced");
  return html ? html_to_text(d.text) : tidy(d.text);
}

// The message text under `object`. In multipart/alternative the plain text
// wins (it is what the sender typed); HTML only when there is no plain text.
std::string body_text(GMimeObject *object, Walk &walk, bool plain_only) {
  bool html = false;
  if (is_body_text(object, &html))
    return (html && plain_only) ? std::string() : part_text(object, html, walk);
  if (!GMIME_IS_MULTIPART(object)) return {};
  GMimeMultipart *multipart = GMIME_MULTIPART(object);
  const int count = g_mime_multipart_get_count(multipart);
  if (mime_type(object) == "multipart/alternative") {
    for (int i = 0; i < count; ++i) {
      std::string text = body_text(g_mime_multipart_get_part(multipart, i), walk, true);
      if (!text.empty()) return text;
    }
    if (plain_only) return {};
    for (int i = count - 1; i >= 0; --i) {
      std::string text = body_text(g_mime_multipart_get_part(multipart, i), walk, false);
      if (!text.empty()) return text;
    }
    return {};
  }
  std::string out;
  for (int i = 0; i < count; ++i) {
    const std::string text = body_text(g_mime_multipart_get_part(multipart, i), walk, plain_only);
    if (!text.empty()) out += (out.empty() ? "" : "\n\n") + text;
  }
  return out;
}

std::string extension_for(const std::string &type) {
  static const std::pair<const char *, const char *> known[] = {
      {"image/png", "png"},
      {"image/jpeg", "jpg"},
      {"image/jpg", "jpg"},
      {"image/gif", "gif"},
      {"image/bmp", "bmp"},
      {"image/webp", "webp"},
      {"image/tiff", "tif"},
      {"application/pdf", "pdf"},
      {"text/plain", "txt"},
      {"text/html", "html"},
      {"text/calendar", "ics"},
      {"text/csv", "csv"},
      {"message/rfc822", "eml"},
      {"application/zip", "zip"},
      {"application/pkcs7-signature", "p7s"},
      {"application/pgp-signature", "asc"},
  };
  for (const auto &[t, ext] : known)
    if (type == t) return ext;
  return "bin";
}

// A name for a part that has none: the Content-ID's file-like left part
// (Outlook: image001.png@01DA...), else part-N.ext.
std::string invented_name(GMimeObject *object, const std::string &type, Walk &walk) {
  const std::string id = str(g_mime_object_get_content_id(object));
  const std::string left = id.substr(0, id.find('@'));
  if (left.find('.') != std::string::npos && left.find('/') == std::string::npos) return left;
  return "part-" + std::to_string(++walk.unnamed) + "." + extension_for(type);
}

// The host stores a complaint's attachments in one folder by name: two
// parts called image001.png must not overwrite each other.
std::string unique_name(std::string name, Walk &walk) {
  if (walk.names.insert(name).second) return name;
  const auto dot = name.rfind('.');
  const std::string stem = dot == std::string::npos || dot == 0 ? name : name.substr(0, dot);
  const std::string ext = dot == std::string::npos || dot == 0 ? "" : name.substr(dot);
  for (int n = 2;; ++n) {
    std::string candidate = stem + "-" + std::to_string(n) + ext;
    if (walk.names.insert(candidate).second) return candidate;
  }
}

void add_attachment(Walk &walk, const std::string &name, const std::string &type, const std::string &bytes) {
  GCharPtr base64(g_base64_encode(reinterpret_cast<const guchar *>(bytes.data()), bytes.size()));
  walk.attachments.push_back(
      {{"name", unique_name(name, walk)}, {"media_type", type}, {"content_base64", base64.get()}});
}

// Every part that is not the message text: files, inline images, forwarded
// messages, signatures. Nothing the sender attached is left behind.
void collect_attachments(GMimeObject *object, Walk &walk) {
  if (GMIME_IS_MULTIPART(object)) {
    GMimeMultipart *multipart = GMIME_MULTIPART(object);
    for (int i = 0; i < g_mime_multipart_get_count(multipart); ++i)
      collect_attachments(g_mime_multipart_get_part(multipart, i), walk);
    return;
  }
  if (GMIME_IS_MESSAGE_PART(object)) {
    GMimeMessage *inner = g_mime_message_part_get_message(GMIME_MESSAGE_PART(object));
    std::string name = str(g_mime_object_get_content_disposition_parameter(object, "filename"));
    if (name.empty() && inner != nullptr) name = trim(str(g_mime_message_get_subject(inner)));
    if (name.empty()) name = "message-" + std::to_string(++walk.unnamed);
    if (lower(name).size() < 4 || lower(name).substr(lower(name).size() - 4) != ".eml") name += ".eml";
    std::replace(name.begin(), name.end(), '/', '_');
    add_attachment(walk, name, "message/rfc822", inner != nullptr ? serialize(GMIME_OBJECT(inner)) : "");
    return;
  }
  if (!GMIME_IS_PART(object) || is_body_text(object, nullptr)) return;
  const std::string type = mime_type(object);
  std::string name = str(g_mime_part_get_filename(GMIME_PART(object)));
  if (name.empty()) name = invented_name(object, type, walk);
  add_attachment(walk, name, type, content_bytes(GMIME_PART(object)));
}

InternetAddressMailbox *first_mailbox(InternetAddressList *list) {
  if (list == nullptr) return nullptr;
  for (int i = 0; i < internet_address_list_length(list); ++i) {
    InternetAddress *a = internet_address_list_get_address(list, i);
    if (INTERNET_ADDRESS_IS_MAILBOX(a)) return INTERNET_ADDRESS_MAILBOX(a);
    if (INTERNET_ADDRESS_IS_GROUP(a))
      if (auto *m = first_mailbox(internet_address_group_get_members(INTERNET_ADDRESS_GROUP(a)))) return m;
  }
  return nullptr;
}

std::string list_text(InternetAddressList *list) {
  if (list == nullptr || internet_address_list_length(list) == 0) return {};
  GCharPtr text(internet_address_list_to_string(list, nullptr, FALSE));
  return str(text.get());
}

// Message ids of an In-Reply-To or References header, in header order, as
// "<id>".
std::vector<std::string> message_ids(GMimeMessage *message, const char *header, GMimeParserOptions *options) {
  std::vector<std::string> out;
  const char *value = g_mime_object_get_header(GMIME_OBJECT(message), header);
  if (value == nullptr) return out;
  GMimeReferences *refs = g_mime_references_parse(options, value);
  if (refs == nullptr) return out;
  for (int i = 0; i < g_mime_references_length(refs); ++i)
    if (const char *id = g_mime_references_get_message_id(refs, i); id != nullptr && *id != '\0')
      out.push_back(angled(valid_utf8(id)));
  g_mime_references_free(refs);
  return out;
}

bool subject_starts_with(const std::string &subject, std::initializer_list<const char *> prefixes) {
  const std::string l = lower(trim(subject));
  for (const char *p : prefixes) {
    const std::string prefix = p;
    if (l.rfind(prefix, 0) != 0) continue;
    const std::string rest = l.substr(prefix.size());
    const std::string after = trim(rest);
    if (after.rfind(":", 0) == 0 || after.rfind("\xEF\xBC\x9A", 0) == 0) return true; // ':' or '：'
  }
  return false;
}

std::string complaint_number_in(const std::string &subject) {
  static const std::regex number(R"(QC-\d{4}-\d{5}(?!\d))");
  std::smatch m;
  return std::regex_search(subject, m, number) ? m.str() : std::string();
}

Conversion refuse(Conversion c, std::string reason) {
  c.record.reset();
  c.reason = std::move(reason);
  return c;
}

} // namespace

void ensure_gmime() {
  static std::once_flag once;
  std::call_once(once, [] { g_mime_init(); });
}

std::string source_key_for(std::string_view raw, std::string_view message_id) {
  std::string key = "email:<" + std::string(message_id) + ">";
  if (message_id.empty() || key.size() > kMaxSourceKey) return "email:sha256:" + sha256_hex(raw);
  return key;
}

Conversion convert_message(std::string_view raw, const ConvertOptions &options) {
  ensure_gmime();
  Conversion out;
  out.source_key = source_key_for(raw, "");

  std::unique_ptr<GMimeParserOptions, OptionsFree> parser_options(g_mime_parser_options_new());
  // Raw 8-bit headers (no RFC 2047) are read with these, in order.
  std::vector<const char *> charsets;
  for (const auto &c : options.fallback_charsets) charsets.push_back(c.c_str());
  charsets.push_back(nullptr);
  g_mime_parser_options_set_fallback_charsets(parser_options.get(), charsets.data());

  GObjectPtr<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(raw.data(), raw.size()));
  GObjectPtr<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
  GObjectPtr<GMimeMessage> message(g_mime_parser_construct_message(parser.get(), parser_options.get()));
  if (!message) return refuse(out, "not an email message: no header block the MIME parser could read");

  const std::string id = trim(str(g_mime_message_get_message_id(message.get())));
  out.source_key = source_key_for(raw, id);

  InternetAddressMailbox *sender = first_mailbox(g_mime_message_get_from(message.get()));
  if (sender == nullptr) sender = first_mailbox(g_mime_message_get_sender(message.get()));
  if (sender == nullptr) sender = first_mailbox(g_mime_message_get_reply_to(message.get()));
  const std::string address = sender ? trim(str(internet_address_mailbox_get_addr(sender))) : "";
  if (address.empty()) return refuse(out, "From: no sender address (the customer and contact come from it)");
  const std::string display = trim(str(internet_address_get_name(INTERNET_ADDRESS(sender))));
  const auto customer = options.customers.resolve(address, display);
  if (customer.customer.empty()) return refuse(out, customer.problem);

  Walk walk{options, {}, json::array(), {}, 0};
  const std::string subject = trim(str(g_mime_message_get_subject(message.get())));
  GMimeObject *root = g_mime_message_get_mime_part(message.get());
  std::string body = root != nullptr ? body_text(root, walk, false) : std::string();
  if (root != nullptr) collect_attachments(root, walk);

  const auto in_reply_to = message_ids(message.get(), "In-Reply-To", parser_options.get());
  const auto references = message_ids(message.get(), "References", parser_options.get());
  const bool reply = !in_reply_to.empty() || !references.empty() ||
                     subject_starts_with(subject, {"re", "aw", "sv", "回复", "答复", "回覆"});
  const bool forward = subject_starts_with(subject, {"fw", "fwd", "转发", "轉寄", "转寄"});
  // A forward's quoted part is the complaint itself; a reply's is our own words.
  if (options.cut_quoted && reply && !forward) body = cut_quoted(body);

  std::string phenomenon = subject;
  if (!body.empty()) phenomenon += (phenomenon.empty() ? "" : "\n\n") + body;
  if (phenomenon.empty()) return refuse(out, "phenomenon: the message has no subject and no text");

  std::string received_at;
  if (GDateTime *date = g_mime_message_get_date(message.get())) received_at = iso_from(date);
  if (received_at.empty() && options.internal_date) received_at = options.internal_date().value_or("");
  if (received_at.empty()) {
    received_at = options.now ? options.now() : utc_now_iso();
    out.warnings.push_back("Date: missing or unreadable; received_at is the time the message was read");
  }

  // refers_to: In-Reply-To, then References newest first, each once.
  json refers_to = json::array();
  std::set<std::string> seen;
  for (const auto &r : in_reply_to)
    if (seen.insert(r).second) refers_to.push_back(r);
  for (auto it = references.rbegin(); it != references.rend(); ++it)
    if (seen.insert(*it).second) refers_to.push_back(*it);

  json thread = json::object();
  if (!id.empty()) thread["message_id"] = angled(id);
  if (!refers_to.empty()) thread["refers_to"] = refers_to;
  if (const auto number = complaint_number_in(subject); !number.empty()) thread["complaint_number"] = number;

  out.warnings.insert(out.warnings.end(), walk.warnings.begin(), walk.warnings.end());
  json email = {{"subject", subject},
                {"from", list_text(g_mime_message_get_from(message.get()))},
                {"to", list_text(g_mime_message_get_to(message.get()))},
                {"cc", list_text(g_mime_message_get_cc(message.get()))},
                {"date", trim(str(g_mime_object_get_header(GMIME_OBJECT(message.get()), "Date")))}};
  // The host keeps `extra` as it came; the thread ids are also here so they
  // stay with the complaint whatever the host does with `thread`.
  if (!id.empty()) email["message_id"] = angled(id);
  if (!in_reply_to.empty()) email["in_reply_to"] = in_reply_to.front();
  if (!references.empty()) email["references"] = references;
  if (!out.warnings.empty()) email["warnings"] = out.warnings;

  json record = {{"source_key", out.source_key},  {"channel", options.channel}, {"received_at", received_at},
                 {"customer", customer.customer}, {"contact", address},         {"phenomenon", phenomenon}};
  if (!display.empty()) record["reporter"] = display;
  if (!walk.attachments.empty()) record["attachments"] = std::move(walk.attachments);
  if (!thread.empty()) record["thread"] = std::move(thread);
  record["extra"] = {{"email", std::move(email)}};
  out.record = std::move(record);
  return out;
}

} // namespace qloop::intake_email
