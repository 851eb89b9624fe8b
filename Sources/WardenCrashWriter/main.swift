import Logging
import WardenAuditLog
import WardenAuditReview
import WardenGateway
import WardenLocalRuntime
import WardenPolicy
import WardenRuntime
import WardenValue

// warden-crash-writer: drives the gateway with `durable` audit until it is killed, for the crash
// consistency tests (not installed with warden).
//
//   warden-crash-writer jsonl|sqlite PATH CALLERS [FILE_SIZE_LIMIT]
//
// CALLERS processes on the built-in runtime send messages to one receiver through the gateway
// (one allow-all policy), every call audited in `durable` mode to the JSON Lines file or the SQLite
// database at PATH. Prints `ack SEQ` on standard output for every record once the audit log
// acknowledged it (on stable storage), one write per line, so a line is whole or missing; the
// sink's warnings (an incomplete last record cut off on opening) go to standard error. Runs until
// killed; exit 1 when the sink cannot be opened or a call fails, 3 on bad arguments.
//
// FILE_SIZE_LIMIT (bytes) sets the process's RLIMIT_FSIZE with SIGXFSZ ignored: a write past it
// fails with EFBIG, as on a full disk, and the writer runs until its calls fail.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes `text` to a file descriptor in one system call (short lines to a pipe or file are whole).
func emit(_ text: String, to fd: Int32) {
    var bytes = Array(text.utf8)
    _ = bytes.withUnsafeMutableBytes { write(fd, $0.baseAddress, $0.count) }
}

/// Stops the process with `message` on standard error.
func fail(_ message: String, status: Int32) -> Never {
    emit("error: \(message)\n", to: STDERR_FILENO)
    exit(status)
}

// The writer runs until killed; should the test that started it be stopped first, the writer
// notices that its parent changed (it was handed to init) and exits, instead of writing on.
let parentAtStart = getppid()
Task.detached {
    while true {
        try? await Task.sleep(for: .milliseconds(200))
        if getppid() != parentAtStart { _exit(0) }
    }
}

let arguments = CommandLine.arguments
guard [4, 5].contains(arguments.count), ["jsonl", "sqlite"].contains(arguments[1]), let callers = Int(arguments[3]),
    callers > 0
else {
    fail("usage: warden-crash-writer jsonl|sqlite PATH CALLERS [FILE_SIZE_LIMIT] (whole numbers above 0)", status: 3)
}
let path = arguments[2]
if arguments.count == 5 {
    guard let bytes = UInt64(arguments[4]), bytes > 0 else {
        fail("FILE_SIZE_LIMIT must be a whole number of bytes above 0, found `\(arguments[4])`", status: 3)
    }
    signal(SIGXFSZ, SIG_IGN)
    var limit = rlimit(rlim_cur: rlim_t(bytes), rlim_max: rlim_t(bytes))
    #if canImport(Glibc)
    let resource = __rlimit_resource_t(RLIMIT_FSIZE.rawValue)
    #else
    let resource = RLIMIT_FSIZE
    #endif
    guard setrlimit(resource, &limit) == 0 else {
        fail("cannot limit the file size: \(String(cString: strerror(errno)))", status: 1)
    }
}
let logger = Logger(label: "warden.crash-writer") { label in StreamLogHandler.standardError(label: label) }

let sink: any AuditSink
do throws(AuditError) {
    sink = arguments[1] == "jsonl" ? try JSONLFileSink(path: path, logger: logger) : try SQLiteAuditSink(path: path)
} catch {
    fail(error.message, status: 1)
}
emit("opened at seq \(sink.chainHead.seq)\n", to: STDERR_FILENO)

let allowAll = """
    namespace: crash
    entries:
      - name: allow_all
        kind: security.policy
        policy: {actions: "*", resources: "*", effect: allow}
        groups: [all]
    """
let policies: PolicySet
switch PolicyLoader().load(yaml: allowAll, file: "crash-allow-all.yaml").result {
case .success(let loaded): policies = loaded
case .failure(let error): fail("the allow-all policy did not load: \(error)", status: 1)
}

let audit = AuditLog(node: "crash", sink: sink, mode: .durable, failurePolicy: .failClosed, logger: logger)
let runtime = LocalRuntime()
let host = "crash:host"
runtime.addHost(host, maxProcesses: callers + 8)
runtime.register("crash:receiver") { context in
    let inbox = context.inbox()
    while await inbox.receive() != nil {}
    return .null
}
runtime.register("crash:caller") { context in
    let receiver = try await context.lookup("crash.receiver")
    var round = 0
    while true {
        try await context.send(receiver, topic: "work", payload: [.int(round)])
        round += 1
    }
}
let gateway = Gateway(wrapping: runtime, policies: PolicyStore(policies), audit: audit) { record in
    guard record.written, let position = record.position else { return }
    emit("ack \(position.seq)\n", to: STDOUT_FILENO)
}
let security = SecurityContext(actor: Actor(id: "crash:caller"), scope: SecurityScope(policies: policies.policyIDs))

do throws(ProcessError) {
    _ = try await gateway.start(
        StartRequest(definition: "crash:receiver", host: host, security: security, name: "crash.receiver"))
    var running: [ProcessHandle] = []
    for _ in 0..<callers {
        running.append(
            try await gateway.start(StartRequest(definition: "crash:caller", host: host, security: security)))
    }
    for handle in running {
        switch try? await handle.result() {
        case .error(let error)?: fail("a caller stopped: \(error.kind.rawValue): \(error.message)", status: 1)
        case .value(let value)?: fail("a caller stopped with `\(value)`", status: 1)
        case nil: fail("a caller was cancelled", status: 1)
        }
    }
} catch {
    fail("\(error.kind.rawValue): \(error.message)", status: 1)
}
