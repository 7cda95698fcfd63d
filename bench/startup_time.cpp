// Host start-up to ready with 20 plugins: the time `qloop plugins list`
// takes from exec to exit (median of 20 runs), and the in-process time of
// PluginManager::load_all for the same 20 plugins. Aim: under 100 ms.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <vector>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>

#include "core/config/config.hpp"
#include "core/log/logging.hpp"
#include "core/plugins/plugin_manager.hpp"

extern char **environ;
using Clock = std::chrono::steady_clock;

namespace {

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

} // namespace

int main(int argc, char **argv) {
  const std::filesystem::path plugin_dir = argc > 1 ? argv[1] : QLOOP_STARTUP_PLUGIN_DIR;
  const std::string qloop = argc > 2 ? argv[2] : QLOOP_EXE;
  auto ini = std::filesystem::temp_directory_path() / "qloop-bench-startup.ini";
  std::ofstream(ini) << "[plugins]\ndirs = " << plugin_dir.string() << "\n[log]\nfile =\nlevel = warn\n";

  auto config = qloop::config::Config::load(ini);
  qloop::log::configure(config.host().log);
  std::vector<double> in_process;
  std::size_t loaded = 0;
  for (int i = 0; i < 20; ++i) {
    auto t0 = Clock::now();
    qloop::plugins::PluginManager manager(config);
    manager.load_all();
    in_process.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
    loaded = manager.loaded().size();
  }

  std::vector<double> process;
  std::string ini_s = ini.string();
  for (int i = 0; i < 20; ++i) {
    const char *args[] = {qloop.c_str(), "--config", ini_s.c_str(), "--log-level",
                          "error",       "plugins",  "list",        nullptr};
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    auto t0 = Clock::now();
    pid_t pid = 0;
    if (posix_spawn(&pid, qloop.c_str(), &actions, nullptr, const_cast<char **>(args), environ) != 0) {
      std::perror("posix_spawn");
      return 1;
    }
    int status = 0;
    waitpid(pid, &status, 0);
    process.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
    posix_spawn_file_actions_destroy(&actions);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
      std::fprintf(stderr, "qloop plugins list failed\n");
      return 1;
    }
  }
  std::printf("Start-up with %zu plugins loaded (median of 20 runs)\n\n", loaded);
  std::printf("| measure | median ms | best ms |\n|---|---:|---:|\n");
  std::printf("| `qloop plugins list`, exec to exit | %.2f | %.2f |\n", median(process),
              *std::min_element(process.begin(), process.end()));
  std::printf("| PluginManager::load_all in process | %.2f | %.2f |\n", median(in_process),
              *std::min_element(in_process.begin(), in_process.end()));
  std::printf("\naim: under 100 ms -> %s\n", median(process) < 100 ? "met" : "NOT met");
  return loaded == 20 ? 0 : 1;
}
