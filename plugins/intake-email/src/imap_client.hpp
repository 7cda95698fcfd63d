// The mailbox over IMAP or IMAPS, spoken by libcurl: one connection per run
// (libcurl keeps it open between commands and remembers the selected
// mailbox). Commands libcurl has no URL form for (SEARCH, STORE, MOVE, ...)
// go as custom requests on the mailbox URL.
#pragma once

#include <set>
#include <stdexcept>
#include <string>

#include <curl/curl.h>

#include "mailbox.hpp"
#include "settings.hpp"

namespace qloop::intake_email {

// A failed IMAP exchange: the connection, the login or a command the server
// refused. The message names the mailbox (never the password), libcurl's
// reason and the server's last reply.
class ImapError : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

class ImapClient : public Mailbox {
public:
  explicit ImapClient(const Settings &settings); // throws std::invalid_argument for a bad url
  ~ImapClient() override;
  ImapClient(const ImapClient &) = delete;
  ImapClient &operator=(const ImapClient &) = delete;

  std::string describe() const override { return display_url_; }
  void prepare(const After &after) override;
  std::vector<std::uint32_t> search(const std::string &criteria) override;
  FetchedMessage fetch(std::uint32_t uid, std::size_t max_bytes) override;
  std::optional<std::string> internal_date(std::uint32_t uid) override;
  void mark_unseen(const std::vector<std::uint32_t> &uids) override;
  void settle(const std::vector<std::uint32_t> &uids, const After &after) override;

private:
  struct Reply {
    int code = 0; // CURLcode
    std::string body;
    bool truncated = false;
  };
  // One request: a custom command on the mailbox URL, or (command empty) a
  // URL fetch. Throws ImapError unless the code is in `allowed`.
  Reply perform(const std::string &url, const std::string &command, std::size_t max_bytes = 64u << 20,
                std::initializer_list<int> allowed = {});
  void command(const std::string &command) { perform(mailbox_url_, command); }
  bool has_capability(const std::string &name);

  CURL *curl_ = nullptr;
  std::string mailbox_url_; // imap://host:port/INBOX, without credentials
  std::string display_url_;
  std::string last_server_line_;
  std::set<std::string> capabilities_;
  bool capabilities_known_ = false;
  bool fresh_connection_ = false;

  static std::size_t on_write(char *data, std::size_t size, std::size_t count, void *self);
  static int on_debug(CURL *curl, curl_infotype type, char *data, std::size_t size, void *self);
  Reply *reply_ = nullptr;
  std::size_t limit_ = 0;
};

} // namespace qloop::intake_email
