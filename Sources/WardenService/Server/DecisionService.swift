import Foundation
import WardenGateway
import WardenPolicy
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
    private let strict: Bool
    private let lastReload: Locked<ReloadStatus>

    /// Creates a service over a loaded set.
    /// - Parameters:
    ///   - store: the policies and the paths a reload reads again.
    ///   - files: the files the set was read from.
    ///   - strict: strict mode (deny requests without an actor or a scope).
    public init(store: PolicyStore, files: [String], strict: Bool = true) {
        self.store = store
        self.strict = strict
        lastReload = Locked(ReloadStatus(time: Date(), ok: true, errors: [], files: files))
    }

    /// Loads `paths` and creates a service over them.
    /// - Throws: ``PolicyLoadError`` with every error when the policies do not load.
    public convenience init(loading paths: [String], strict: Bool = true) throws(PolicyLoadError) {
        let result = PolicyLoader().load(paths: paths)
        let set = try result.get()
        self.init(store: PolicyStore(set, sources: paths), files: result.files, strict: strict)
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
                    message: "unknown key \(UserText.quoted(extra)) beside `requests`; a batch is `{\"requests\": [...]}`")
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
            var answers: [JSONObject] = []
            answers.reserveCapacity(items.count)
            for (index, item) in items.enumerated() {
                answers.append(try answer(item, in: set, explain: explain, label: "request \(index + 1): "))
            }
            var result = JSONObject()
            result.add("results", answers)
            return result.text
        }
        return try answer(value, in: set, explain: explain, label: "").text
    }

    private func answer(_ value: Value, in set: PolicySet, explain: Bool, label: String) throws(ServiceError)
        -> JSONObject
    {
        let line: RequestLine
        do {
            line = try RequestLine.parse(value: value)
        } catch {
            throw ServiceError(code: error.code, message: label + error.message)
        }
        switch DecisionAnswer.evaluate(line, in: set, defaultScope: nil, noScope: false, strict: strict, explain: explain)
        {
        case .success(let (answer, _)): return answer
        case .failure(let error): throw ServiceError(code: "unknown-scope", message: label + error.description)
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
        case .success(let verdict): return CheckAnswer.json(verdict)
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

    /// Whether the service can answer: a policy set is loaded (always true once created).
    public var isReady: Bool { !store.revision.isEmpty }
}
