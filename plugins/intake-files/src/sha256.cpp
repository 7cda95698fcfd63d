#include "sha256.hpp"

#include <array>
#include <memory>
#include <stdexcept>
#include <vector>

#include <openssl/evp.h>

namespace qloop::intake_files {

namespace {

class Digest {
public:
  Digest() : ctx_(EVP_MD_CTX_new(), EVP_MD_CTX_free) {
    if (!ctx_ || EVP_DigestInit_ex(ctx_.get(), EVP_sha256(), nullptr) != 1) fail();
  }
  void update(const void *data, std::size_t len) {
    if (EVP_DigestUpdate(ctx_.get(), data, len) != 1) fail();
  }
  std::string hex() {
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int len = 0;
    if (EVP_DigestFinal_ex(ctx_.get(), digest.data(), &len) != 1) fail();
    return to_hex(digest.data(), len);
  }

private:
  [[noreturn]] static void fail() { throw std::runtime_error("SHA-256 failed in libcrypto"); }
  static std::string to_hex(const unsigned char *digest, unsigned int len);
  std::unique_ptr<EVP_MD_CTX, void (*)(EVP_MD_CTX *)> ctx_;
};

std::string Digest::to_hex(const unsigned char *digest, unsigned int len) {
  static const char *hex = "0123456789abcdef";
  std::string out;
  out.reserve(len * 2);
  for (unsigned int i = 0; i < len; ++i) {
    out += hex[digest[i] >> 4];
    out += hex[digest[i] & 15];
  }
  return out;
}

} // namespace

std::string sha256_hex(std::string_view bytes) {
  Digest d;
  d.update(bytes.data(), bytes.size());
  return d.hex();
}

std::string sha256_file(const InputFile &file, const std::function<void(std::string_view)> &also) {
  Digest d;
  std::vector<char> buf(kReadChunkBytes);
  std::uint64_t offset = 0;
  for (;;) {
    const std::size_t n = file.read_at(offset, buf.data(), buf.size());
    if (n == 0) break;
    d.update(buf.data(), n);
    if (also) also(std::string_view(buf.data(), n));
    offset += n;
  }
  return d.hex();
}

std::string sha256_file(const std::filesystem::path &path) { return sha256_file(InputFile::open(path)); }

} // namespace qloop::intake_files
