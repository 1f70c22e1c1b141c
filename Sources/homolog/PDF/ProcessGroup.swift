import Foundation

/// A command run in a process group of its own (`posix_spawn` with `POSIX_SPAWN_SETPGROUP`), so that it can be stopped
/// with every process it started: a browser's renderer and helper processes outlive its main process otherwise.
enum ProcessGroup {
  /// How a run ended.
  enum Outcome: Equatable {
    /// The command exited with this status (128 + N when killed by signal N).
    case exited(Int32)
    /// The timeout passed: the group was stopped.
    case timedOut
    /// The command could not start (errno).
    case notStarted(Int32)
  }

  /// Runs `executable` with `arguments` and `environment`, stdin from /dev/null, stdout and stderr into `log`; when it
  /// ends or after `timeout` seconds, every process left in its group is killed and gone before this returns.
  static func run(_ executable: String, _ arguments: [String], environment: [String: String], log: String, timeout: Double) -> Outcome {
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
    posix_spawnattr_setpgroup(&attributes, 0)
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_adddup2(&actions, 1, 2)
    let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
    let envp: [UnsafeMutablePointer<CChar>?] = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
      for pointer in argv { free(pointer) }
      for pointer in envp { free(pointer) }
    }
    var pid: pid_t = 0
    let started = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
    guard started == 0 else { return .notStarted(started) }

    let deadline = Date().addingTimeInterval(timeout)
    var status: Int32 = 0
    var outcome: Outcome?
    while outcome == nil {
      let waited = waitpid(pid, &status, WNOHANG)
      if waited == pid {
        outcome = .exited(exitCode(status))
      } else if waited < 0 && errno != EINTR {
        outcome = .exited(-1)
      } else if Date() >= deadline {
        kill(-pid, SIGTERM)
        if !waitForExit(pid, seconds: 2) {
          kill(-pid, SIGKILL)
          while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        }
        outcome = .timedOut
      } else {
        usleep(20_000)
      }
    }
    stopGroup(pid)
    return outcome ?? .timedOut
  }

  /// Waits for `pid` (a child) to exit, at most `seconds`; true when it did.
  private static func waitForExit(_ pid: pid_t, seconds: Double) -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    var status: Int32 = 0
    while Date() < deadline {
      let waited = waitpid(pid, &status, WNOHANG)
      if waited == pid || (waited < 0 && errno == ECHILD) { return true }
      usleep(20_000)
    }
    return false
  }

  /// Kills what is left of the group and waits (at most 5 s) until none of it remains.
  private static func stopGroup(_ group: pid_t) {
    guard kill(-group, SIGKILL) == 0 else { return }
    let deadline = Date().addingTimeInterval(5)
    while kill(-group, 0) == 0 && Date() < deadline { usleep(20_000) }
  }

  /// The exit status of a `waitpid` status word; 128 + N for a process killed by signal N.
  private static func exitCode(_ status: Int32) -> Int32 {
    let signal = status & 0x7f
    return signal == 0 ? (status >> 8) & 0xff : 128 + signal
  }
}
