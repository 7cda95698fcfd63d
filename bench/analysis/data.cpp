#include "data.hpp"

#include <charconv>
#include <fstream>
#include <stdexcept>

namespace qloop::bench {
namespace {

template <class T> std::vector<T> load(const std::string &path, std::size_t count) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open " + path + " (run make_data.py first)");
  std::vector<T> out(count);
  in.read(reinterpret_cast<char *>(out.data()), static_cast<std::streamsize>(count * sizeof(T)));
  if (static_cast<std::size_t>(in.gcount()) != count * sizeof(T))
    throw std::runtime_error(path + ": expected " + std::to_string(count) + " values");
  return out;
}

std::size_t file_size(const std::string &path) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) throw std::runtime_error("cannot open " + path + " (run make_data.py first)");
  return static_cast<std::size_t>(in.tellg());
}

std::string base(const std::string &dir, const char *what, std::size_t n) {
  return dir + "/" + what + "_" + std::to_string(n);
}

// Appends numbers without locale or stream overhead.
void put(std::string &s, double v) {
  char buf[32];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  s.append(buf, r.ptr);
}
void put(std::string &s, int v) {
  char buf[16];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  s.append(buf, r.ptr);
}

} // namespace

std::vector<double> load_imr(const std::string &dir, std::size_t n) {
  return load<double>(base(dir, "imr", n) + ".f64", n);
}

AnovaData load_anova(const std::string &dir, std::size_t n) {
  return {load<std::int32_t>(base(dir, "anova", n) + ".g.i32", n),
          load<double>(base(dir, "anova", n) + ".y.f64", n)};
}

DoeData load_doe(const std::string &dir, std::size_t n) {
  // 32 runs x ceil(n/32) replicates: the row count comes from the file.
  const std::string y = base(dir, "doe", n) + ".y.f64";
  const std::size_t rows = file_size(y) / sizeof(double);
  return {load<std::int8_t>(base(dir, "doe", n) + ".x.i8", rows * 5), load<double>(y, rows)};
}

std::string anova_request(const AnovaData &d) {
  std::string s;
  s.reserve(64 + d.y.size() * 28);
  s +=
      R"({"method":"anova","options":{"response":"y","factors":["g"]},"table":{"columns":["g","y"],"rows":[)";
  for (std::size_t i = 0; i < d.y.size(); ++i) {
    s += i ? ",[" : "[";
    put(s, d.group[i]);
    s += ',';
    put(s, d.y[i]);
    s += ']';
  }
  s += "]}}";
  return s;
}

std::string doe_request(const DoeData &d) {
  std::string s;
  s.reserve(128 + d.y.size() * 40);
  s += R"({"method":"doe.analyze","options":{"response":"y","factors":["A","B","C","D","E"]},)"
       R"("table":{"columns":["A","B","C","D","E","y"],"rows":[)";
  for (std::size_t i = 0; i < d.y.size(); ++i) {
    s += i ? ",[" : "[";
    for (std::size_t j = 0; j < 5; ++j) {
      put(s, int{d.x[i * 5 + j]});
      s += ',';
    }
    put(s, d.y[i]);
    s += ']';
  }
  s += "]}}";
  return s;
}

std::string imr_request(const std::vector<double> &x) {
  std::string s;
  s.reserve(96 + x.size() * 20);
  // All eight Nelson rules on the individuals chart, rule 1 on the MR chart
  // (the only one the MR chart allows).
  s += R"({"method":"spc","options":{"chart":"imr","rules":{"i":"nelson","mr":[1]}},"data":[)";
  for (std::size_t i = 0; i < x.size(); ++i) {
    if (i) s += ',';
    put(s, x[i]);
  }
  s += "]}";
  return s;
}

const char *const kAnovaOptions = R"({"method":"anova","options":{"response":"y","factors":["g"]}})";
const char *const kDoeOptions =
    R"({"method":"doe.analyze","options":{"response":"y","factors":["A","B","C","D","E"]}})";
const char *const kImrOptions =
    R"({"method":"spc","options":{"chart":"imr","rules":{"i":"nelson","mr":[1]}}})";

sdk::ColumnBatch anova_columns(const AnovaData &d) {
  sdk::ColumnBatch b(d.y.size());
  b.add_doubles("g", std::vector<double>(d.group.begin(), d.group.end()));
  b.add_doubles("y", d.y);
  return b;
}

sdk::ColumnBatch doe_columns(const DoeData &d) {
  sdk::ColumnBatch b(d.y.size());
  const char *names[] = {"A", "B", "C", "D", "E"};
  for (std::size_t j = 0; j < 5; ++j) {
    std::vector<double> x(d.y.size());
    for (std::size_t i = 0; i < x.size(); ++i) x[i] = d.x[i * 5 + j];
    b.add_doubles(names[j], std::move(x));
  }
  b.add_doubles("y", d.y);
  return b;
}

sdk::ColumnBatch imr_columns(const std::vector<double> &x) {
  sdk::ColumnBatch b(x.size());
  b.add_doubles("value", x);
  return b;
}

} // namespace qloop::bench
