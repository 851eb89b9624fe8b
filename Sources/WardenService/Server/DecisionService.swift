import Foundation
import Synchronization
import WardenAuditLog
import WardenGateway
import WardenPolicy
import WardenSync
import WardenValue

/// What `warden serve` answers, apart from HTTP: it parses request bodies, asks the policy
/// library and writes the same JSON answers as `warden eval` and `warden check`.
///
/// Every answer is decided with one snapshot of the ``PolicyStore``, so a reload never splits a
/// request (or a batch) across two revisions.
public final class DecisionService: Sendable {
    /// The most requests one `POST /v1/decide` batch may hold.
    public static let maxBatch = 1_000

    /// The policies in force, swapped atomically on reload.
    public let store: PolicyStore
    /// The audit log `POST /v1/authorize` records calls in; `nil` when none was given.
    public let audit: AuditLog?
    /// Decisions, latency, reloads, refusals and the audit log's figures.
    public let metrics: ServiceMetrics
    private let strict: Bool
    private let lastReload: Locked<ReloadStatus>
    private let gateway: RemoteGateway?
    /// Set when the last authorize record could not be written, cleared by the next that was.
    private let auditWriteFailed = Atomic<Bool>(false)

    /// Creates a service over a loaded set.
    /// - Parameters:
    ///   - store: the policies and the paths a reload reads again.
    ///   - files: the files the set was read from.
    ///   - strict: strict mode (deny requests without an actor or a scope).
    ///   - audit: the log `POST /v1/authorize` writes to; without one, authorize is refused.
    ///   - metrics: where decisions and reloads are counted.
    public init(
        store: PolicyStore, files: [String], strict: Bool = true, audit: AuditLog? = nil,
        metrics: ServiceMetrics = ServiceMetrics()
    ) {
        self.store = store
        self.metrics = metrics
        self.strict = strict
        self.audit = audit
        gateway = audit.map {
            RemoteGateway(policies: store, audit: $0, configuration: GatewayConfiguration(strict: strict))
        }
        lastReload = Locked(ReloadStatus(time: Date(), ok: true, errors: [], files: files))
    }

    /// Loads `paths` and creates a service over them.
    /// - Throws: ``PolicyLoadError`` with every error when the policies do not load.
    public convenience init(
        loading paths: [String], strict: Bool = true, audit: AuditLog? = nil, metrics: ServiceMetrics = ServiceMetrics()
    ) throws(PolicyLoadError) {
        let result = PolicyLoader().load(paths: paths)
        let set = try result.get()
        self.init(
            store: PolicyStore(set, sources: paths), files: result.files, strict: strict, audit: audit, metrics: metrics
        )
    }

    /// `POST /v1/decide`: one request (a `warden eval --requests` line) answered as
    /// `warden eval --format json` answers it, or `{"requests": [...]}` answered as
    /// `{"results": [...]}` in the same order.
    /// - Throws: ``ServiceError`` for a body that is not a valid request or batch.
    public func decide(_ body: [UInt8], explain: Bool) throws(ServiceError) -> String {
        let value = try RequestBody.parse(body)
        let set = store.snapshot
        if case .map(let object) = value, let requests = object["requests"] {
            guard object.count == 1 else {
                let extra = object.keys.sorted().first { $0 != "requests" } ?? ""
                throw ServiceError(
                    code: "unknown-key",
                    message:
                        "unknown key \(UserText.quoted(extra)) beside `requests`; a batch is `{\"requests\": [...]}`")
            }
            guard case .list(let items) = requests else {
                throw ServiceError(
                    code: "invalid-value", message: "`requests` must be a list of requests, found \(requests.typeName)")
            }
            guard items.count <= Self.maxBatch else {
                throw ServiceError(
                    code: "batch-too-large",
                    message: "a batch holds at most \(Self.maxBatch) requests, found \(items.count); split it")
            }
            // `{"results":[` answer, answer, ... `]}`, each answer written into one buffer.
            var text: [UInt8] = []
            text.reserveCapacity(160 * items.count + 16)
            text.append(literal: #"{"results":["#)
            var allowed = 0
            for (index, item) in items.enumerated() {
                let (answer, isAllowed) = try answer(item, in: set, explain: explain, number: index + 1)
                if index > 0 { text.append(UInt8(ascii: ",")) }
                answer.write(into: &text)
                if isAllowed { allowed += 1 }
            }
            text.append(literal: "]}")
            metrics.decided(.decide, .allow, count: allowed)
            metrics.decided(.decide, .deny, count: items.count - allowed)
            return String(decoding: text, as: UTF8.self)
        }
        let (answer, isAllowed) = try answer(value, in: set, explain: explain, number: nil)
        metrics.decided(.decide, isAllowed ? .allow : .deny)
        return answer.text
    }

    /// Answers one request; `number` is its 1-based place in a batch, named in its errors.
    private func answer(_ value: Value, in set: PolicySet, explain: Bool, number: Int?) throws(ServiceError)
        -> (JSONObject, Bool)
    {
        func label() -> String { number.map { "request \($0): " } ?? "" }
        let line: RequestLine
        do {
            line = try RequestLine.parse(value: value)
        } catch {
            throw ServiceError(code: error.code, message: label() + error.message)
        }
        switch DecisionAnswer.evaluate(
            line, in: set, defaultScope: nil, noScope: false, strict: strict, explain: explain)
        {
        case .success(let (answer, allowed)): return (answer, allowed)
        case .failure(let error): throw ServiceError(code: "unknown-scope", message: label() + error.description)
        }
    }

    /// `POST /v1/check`: a permission dry-run answered as `warden check --format json` answers it.
    /// - Throws: ``ServiceError`` for a body that is not a valid check request.
    public func check(_ body: [UInt8]) throws(ServiceError) -> String {
        let value = try RequestBody.parse(body)
        let request: CheckRequest
        do {
            request = try CheckRequest.parse(value: value)
        } catch {
            throw ServiceError(code: error.code, message: error.message)
        }
        switch request.verdict(in: store.snapshot) {
        case .success(let verdict):
            metrics.decided(.check, verdict.isAllowed ? .allow : .deny)
            return CheckAnswer.json(verdict)
        case .failure(let error): throw ServiceError(code: error.code, message: error.message)
        }
    }

    /// `GET /v1/policies`: `{"revision", "files", "policies": [{"id", "kind", "effect", "groups"}],
    /// "last_reload": {"time", "ok", "errors"}}`.
    public func policies() -> String {
        let set = store.snapshot
        let status = lastReload.withLock { $0 }
        var object = JSONObject()
        object.add("revision", .string(set.revision))
        object.add("files", strings: status.files)
        object.add(
            "policies",
            set.definitions.map { definition in
                var entry = JSONObject()
                entry.add("id", .string(definition.id))
                entry.add("kind", .string(definition.kind))
                entry.add("effect", .string(definition.effect.rawValue))
                entry.add("groups", strings: definition.groups)
                return entry
            })
        object.add("last_reload", status.json)
        return object.text
    }

    /// `POST /v1/policies/reload`: loads the policy paths again; the new set is swapped in only
    /// when it loads without error, else the old set keeps serving.
    /// - Returns: whether the new set is in force, and `{"ok", "revision", "errors"}`.
    public func reload() -> (ok: Bool, body: String) {
        let result = store.reload()
        let ok = result.policySet != nil
        metrics.reloaded(ok: ok)
        let errors = result.errors.map(\.description)
        lastReload.withLock { status in
            status = ReloadStatus(time: Date(), ok: ok, errors: errors, files: ok ? result.files : status.files)
        }
        var object = JSONObject()
        object.add("ok", .bool(ok))
        object.add("revision", .string(store.revision))
        object.add("errors", .list(errors.map(Value.string)))
        return (ok, object.text)
    }

    /// `POST /v1/authorize`: authorizes a foreign runtime's call through the gateway and records
    /// it in the audit log; answers the verdict, the checks and the record's `seq` and `hash`.
    /// A record that cannot be written is answered `deny` with error `INTERNAL`.
    /// - Throws: ``ServiceError`` for a body that is not a valid call, or (503) when the service
    ///   has no audit log.
    public func authorize(_ body: [UInt8]) async throws(ServiceError) -> String {
        guard let gateway else {
            throw ServiceError(
                status: 503, code: "no-audit-log",
                message: "authorize needs an audit log to record calls in; start the service with `--audit FILE`")
        }
        let value = try RequestBody.parse(body)
        let call: RemoteCall
        do {
            call = try AuthorizeRequest.parse(value: value)
        } catch {
            throw ServiceError(code: error.code, message: error.message)
        }
        let verdict = await gateway.authorize(call)
        if let record = verdict.record { auditWriteFailed.store(!record.written, ordering: .relaxed) }
        metrics.decided(.authorize, verdict.isAllowed ? .allow : .deny)
        return AuthorizeAnswer.json(verdict, revision: store.revision)
    }

    /// Whether the service can answer: a policy set is loaded and, when there is an audit log,
    /// it takes records (no sticky failure, and the last authorize record was written).
    public var isReady: Bool {
        guard !store.revision.isEmpty else { return false }
        guard let audit else { return true }
        return audit.failure == nil && !auditWriteFailed.load(ordering: .relaxed)
    }
}
