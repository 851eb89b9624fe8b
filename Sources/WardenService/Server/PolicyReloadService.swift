import Logging
import ServiceLifecycle
import UnixSignals

/// Reloads the policies on SIGHUP and, with `--watch`, when a file under the policy paths
/// changes: the paths are looked at every ``pollInterval``, and a change is acted on once they
/// stayed unchanged for one more look, so a burst of edits makes one reload (changes are
/// noticed within about 1 s). A reload that fails keeps the old set (``DecisionService/reload()``)
/// and is logged, counted and shown by `GET /v1/policies`.
struct PolicyReloadService: Service {
    /// The service whose policies are reloaded.
    let service: DecisionService
    /// The `--policies` paths to watch; `nil` without `--watch`.
    let watchedPaths: [String]?
    let logger: Logger

    /// How often the watched paths are looked at.
    static let pollInterval = Duration.milliseconds(400)

    func run() async throws {
        let signals = await UnixSignalsSequence(trapping: .sighup)
        await cancelWhenGracefulShutdown {
            await withTaskGroup(of: Void.self) { group in
                group.addTask {
                    for await _ in signals { reload(reason: "SIGHUP") }
                }
                if let watchedPaths {
                    group.addTask { await watch(watchedPaths) }
                }
                await group.waitForAll()
            }
        }
    }

    private func watch(_ paths: [String]) async {
        var settled = PolicyFileSignature(paths: paths)
        var pending: PolicyFileSignature?
        while !Task.isCancelled {
            do { try await Task.sleep(for: Self.pollInterval) } catch { return }
            let now = PolicyFileSignature(paths: paths)
            if now == settled {
                pending = nil
            } else if now == pending {
                settled = now
                pending = nil
                reload(reason: "a policy file changed")
            } else {
                pending = now
            }
        }
    }

    private func reload(reason: String) {
        let (ok, body) = service.reload()
        if ok {
            logger.info(
                "policies reloaded",
                metadata: ["reason": "\(reason)", "revision": "\(service.store.revision.prefix(12))"])
        } else {
            logger.error(
                "policy reload failed; the previous policies keep serving",
                metadata: ["reason": "\(reason)", "result": "\(body)"])
        }
    }
}
