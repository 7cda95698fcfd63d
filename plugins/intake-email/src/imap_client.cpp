#include "imap_client.hpp"

#include <algorithm>
#include <cctype>
#include <memory>
#include <mutex>
#include <sstream>

#include "dates.hpp"

namespace qloop::intake_email {

namespace {

std::string upper(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::toupper(c); });
  return s;
}

// "1,5,9" for a UID set.
std::string uid_set(const std::vector<std::uint32_t> &uids) {
  std::string out;
  for (auto uid : uids) {
    if (!out.empty()) out += ',';
    out += std::to_string(uid);
  }
  return out;
}

std::string quoted(const std::string &mailbox) { return "\"" + mailbox + "\""; }

struct UrlFree {
  void operator()(CURLU *u) const noexcept { curl_url_cleanup(u); }
};
struct CurlFree {
  void operator()(char *p) const noexcept { curl_free(p); }
};

std::string url_part(CURLU *url, CURLUPart part) {
  char *value = nullptr;
  if (curl_url_get(url, part, &value, 0) != CURLUE_OK || value == nullptr) return {};
  std::unique_ptr<char, CurlFree> owned(value);
  return owned.get();
}

} // namespace

ImapClient::ImapClient(const Settings &settings) {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });

  // The mailbox URL without credentials (they go as options, never in logs)
  // and with a mailbox: INBOX when the URL names none.
  std::unique_ptr<CURLU, UrlFree> url(curl_url());
  if (curl_url_set(url.get(), CURLUPART_URL, settings.url.c_str(), 0) != CURLUE_OK)
    throw std::invalid_argument("url: '" + settings.url + "' is not a URL (imap://host:port/INBOX)");
  const std::string scheme = url_part(url.get(), CURLUPART_SCHEME);
  if (scheme != "imap" && scheme != "imaps")
    throw std::invalid_argument("url: the scheme must be imap or imaps, not '" + scheme + "'");
  std::string user = settings.user;
  std::string password = settings.password;
  if (user.empty()) user = url_part(url.get(), CURLUPART_USER);
  if (password.empty()) password = url_part(url.get(), CURLUPART_PASSWORD);
  curl_url_set(url.get(), CURLUPART_USER, nullptr, 0);
  curl_url_set(url.get(), CURLUPART_PASSWORD, nullptr, 0);
  curl_url_set(url.get(), CURLUPART_QUERY, nullptr, 0);
  curl_url_set(url.get(), CURLUPART_FRAGMENT, nullptr, 0);
  std::string path = url_part(url.get(), CURLUPART_PATH);
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  if (path.empty() || path == "/") path = "/INBOX";
  if (path.find(';') != std::string::npos)
    throw std::invalid_argument("url: name the mailbox only (imap://host/INBOX), without ;UID= or ;SECTION=");
  curl_url_set(url.get(), CURLUPART_PATH, path.c_str(), 0);
  mailbox_url_ = url_part(url.get(), CURLUPART_URL);
  display_url_ = mailbox_url_;

  CURL *curl = curl_easy_init();
  if (curl == nullptr) throw ImapError("libcurl could not start a session");
  curl_ = curl;
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "imap,imaps");
  // libcurl copies option strings.
  if (!user.empty()) curl_easy_setopt(curl, CURLOPT_USERNAME, user.c_str());
  if (!password.empty()) curl_easy_setopt(curl, CURLOPT_PASSWORD, password.c_str());
  curl_easy_setopt(curl, CURLOPT_USE_SSL,
                   settings.tls == TlsMode::Require ? CURLUSESSL_ALL
                   : settings.tls == TlsMode::Try   ? CURLUSESSL_TRY
                                                    : CURLUSESSL_NONE);
  curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, settings.tls_verify ? 1L : 0L);
  curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, settings.tls_verify ? 2L : 0L);
  if (!settings.ca_file.empty()) curl_easy_setopt(curl, CURLOPT_CAINFO, settings.ca_file.c_str());
  // No signals in a host with threads; a stalled server is given up on
  // after timeout_seconds without a byte.
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, settings.timeout_seconds);
  curl_easy_setopt(curl, CURLOPT_LOW_SPEED_LIMIT, 1L);
  curl_easy_setopt(curl, CURLOPT_LOW_SPEED_TIME, settings.timeout_seconds);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, &ImapClient::on_write);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, this);
  // The server's replies, for error messages (only the last line is kept;
  // nothing is printed).
  curl_easy_setopt(curl, CURLOPT_DEBUGFUNCTION, &ImapClient::on_debug);
  curl_easy_setopt(curl, CURLOPT_DEBUGDATA, this);
  curl_easy_setopt(curl, CURLOPT_VERBOSE, 1L);
}

ImapClient::~ImapClient() {
  if (curl_ != nullptr) curl_easy_cleanup(curl_);
}

std::size_t ImapClient::on_write(char *data, std::size_t size, std::size_t count, void *self) {
  auto *client = static_cast<ImapClient *>(self);
  const std::size_t n = size * count;
  Reply &reply = *client->reply_;
  if (reply.body.size() + n > client->limit_) {
    reply.body.append(data, client->limit_ - reply.body.size());
    reply.truncated = true;
    return 0; // stops the transfer: libcurl reports a write error
  }
  reply.body.append(data, n);
  return n;
}

int ImapClient::on_debug(CURL *, curl_infotype type, char *data, std::size_t size, void *self) {
  if (type != CURLINFO_HEADER_IN) return 0;
  auto *client = static_cast<ImapClient *>(self);
  std::string line(data, std::min<std::size_t>(size, 300));
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
  // Tagged replies (A004 NO ...) say why a command failed; untagged ones
  // are data.
  if (!line.empty() && line[0] != '*' && line[0] != '+') client->last_server_line_ = line;
  return 0;
}

ImapClient::Reply ImapClient::perform(const std::string &url, const std::string &command,
                                      std::size_t max_bytes, std::initializer_list<int> allowed) {
  CURL *curl = curl_;
  Reply reply;
  reply_ = &reply;
  limit_ = max_bytes;
  last_server_line_.clear();
  char error[CURL_ERROR_SIZE] = {};
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error);
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, command.empty() ? nullptr : command.c_str());
  // After a transfer cut short the connection is mid-reply: start anew.
  curl_easy_setopt(curl, CURLOPT_FRESH_CONNECT, fresh_connection_ ? 1L : 0L);
  const CURLcode code = curl_easy_perform(curl);
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, nullptr);
  reply_ = nullptr;
  fresh_connection_ = reply.truncated;
  reply.code = code;
  if (code == CURLE_OK || (code == CURLE_WRITE_ERROR && reply.truncated) ||
      std::find(allowed.begin(), allowed.end(), static_cast<int>(code)) != allowed.end())
    return reply;
  std::string what = display_url_ + ": " +
                     (command.empty() ? "FETCH" : command.substr(0, command.find(' ', 4))) + ": " +
                     (error[0] != '\0' ? error : curl_easy_strerror(code));
  if (!last_server_line_.empty()) what += " (server: " + last_server_line_ + ")";
  throw ImapError(what);
}

bool ImapClient::has_capability(const std::string &name) {
  if (!capabilities_known_) {
    const Reply r = perform(mailbox_url_, "CAPABILITY");
    std::istringstream in(r.body);
    for (std::string line; std::getline(in, line);) {
      std::istringstream words(line);
      std::string word;
      words >> word; // "*"
      words >> word; // "CAPABILITY"
      if (upper(word) != "CAPABILITY") continue;
      while (words >> word) capabilities_.insert(upper(word));
    }
    capabilities_known_ = true;
  }
  return capabilities_.count(upper(name)) > 0;
}

void ImapClient::prepare(const After &after) {
  if (after.kind != After::Kind::Move) return;
  // Already there is the usual answer (NO [ALREADYEXISTS]); a folder that
  // truly cannot be made shows when the first MOVE fails.
  perform(mailbox_url_, "CREATE " + quoted(after.folder), 64u << 10, {CURLE_QUOTE_ERROR});
}

std::vector<std::uint32_t> ImapClient::search(const std::string &criteria) {
  const Reply r = perform(mailbox_url_, "UID SEARCH " + criteria);
  std::vector<std::uint32_t> uids;
  std::istringstream in(r.body);
  for (std::string line; std::getline(in, line);) {
    std::istringstream words(line);
    std::string star, keyword;
    words >> star >> keyword;
    if (star != "*" || upper(keyword) != "SEARCH") continue;
    for (unsigned long uid; words >> uid;) uids.push_back(static_cast<std::uint32_t>(uid));
  }
  return uids;
}

FetchedMessage ImapClient::fetch(std::uint32_t uid, std::size_t max_bytes) {
  // libcurl's URL fetch reads the literal exactly (binary-safe); it sends
  // BODY[] (not BODY.PEEK[]), so the server sets \Seen: see mark_unseen.
  const std::string url = mailbox_url_ + "/;UID=" + std::to_string(uid);
  Reply r = perform(url, "", max_bytes, {CURLE_REMOTE_FILE_NOT_FOUND});
  FetchedMessage m;
  if (r.code == CURLE_REMOTE_FILE_NOT_FOUND) {
    m.vanished = true;
    return m;
  }
  m.oversize = r.truncated;
  m.bytes = std::move(r.body);
  return m;
}

std::optional<std::string> ImapClient::internal_date(std::uint32_t uid) {
  const Reply r = perform(mailbox_url_, "UID FETCH " + std::to_string(uid) + " (INTERNALDATE)");
  const auto at = upper(r.body).find("INTERNALDATE \"");
  if (at == std::string::npos) return std::nullopt;
  const auto start = at + 14;
  const auto end = r.body.find('"', start);
  if (end == std::string::npos) return std::nullopt;
  return internaldate_to_iso(r.body.substr(start, end - start));
}

void ImapClient::mark_unseen(const std::vector<std::uint32_t> &uids) {
  if (!uids.empty()) command("UID STORE " + uid_set(uids) + " -FLAGS.SILENT (\\Seen)");
}

void ImapClient::settle(const std::vector<std::uint32_t> &uids, const After &after) {
  if (uids.empty()) return;
  const std::string set = uid_set(uids);
  switch (after.kind) {
  case After::Kind::Seen: command("UID STORE " + set + " +FLAGS.SILENT (\\Seen)"); return;
  case After::Kind::Move:
    if (has_capability("MOVE")) {
      command("UID MOVE " + set + " " + quoted(after.folder));
      return;
    }
    // Without MOVE (RFC 6851): copy, then delete as below. The copy is
    // \Seen too, since the fetch set it.
    command("UID COPY " + set + " " + quoted(after.folder));
    [[fallthrough]];
  case After::Kind::Delete:
    command("UID STORE " + set + " +FLAGS.SILENT (\\Seen \\Deleted)");
    // UID EXPUNGE (UIDPLUS) removes only these; a plain EXPUNGE would also
    // remove what others marked \Deleted, so without UIDPLUS they stay
    // flagged, and UNDELETED keeps them out of the next search.
    if (has_capability("UIDPLUS")) command("UID EXPUNGE " + set);
    return;
  }
}

} // namespace qloop::intake_email
