/// The order `warden run` starts and stops services in, from their `lifecycle.requires`.
///
/// The services started are those with `auto_start: true` and every service they require,
/// transitively (as Wippy's supervisor starts a dependency that is not auto-started). They are
/// grouped in levels: a service's level is one more than the highest level among the services it
/// requires, so each level needs only earlier ones. Levels start in order and stop in reverse.
/// Requirements that are not services of the tree (a database entry Warden does not run) do
/// not order anything.
public struct ServiceOrder: Sendable {
    /// The services to start, level by level.
    public let levels: [[ServiceEntry]]

    /// The order of `services`; services in a requirement cycle (a load error, see ``cycle(in:)``)
    /// are left out.
    public init(services: [ServiceEntry]) {
        let byID = Dictionary(services.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var wanted: [String] = []
        var seen: Set<String> = []
        func want(_ id: String) {
            guard let service = byID[id], seen.insert(id).inserted else { return }
            for requirement in service.requires { want(requirement) }
            wanted.append(id)
        }
        for service in services where service.autoStart { want(service.id) }
        var levelOf: [String: Int] = [:]
        var visiting: Set<String> = []
        func level(_ id: String) -> Int? {
            if let known = levelOf[id] { return known }
            guard let service = byID[id], visiting.insert(id).inserted else { return nil }
            defer { visiting.remove(id) }
            var result = 0
            for requirement in service.requires where byID[requirement] != nil {
                guard let below = level(requirement) else { return nil }
                result = max(result, below + 1)
            }
            levelOf[id] = result
            return result
        }
        var levels: [[ServiceEntry]] = []
        for id in wanted {
            guard let index = level(id), let service = byID[id] else { continue }
            while levels.count <= index { levels.append([]) }
            levels[index].append(service)
        }
        self.levels = levels
    }

    /// The first requirement cycle among `services` (`a -> b -> a`), if there is one.
    public static func cycle(in services: [ServiceEntry]) -> [String]? {
        let byID = Dictionary(services.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var done: Set<String> = []
        var path: [String] = []
        func visit(_ id: String) -> [String]? {
            if let start = path.firstIndex(of: id) { return Array(path[start...]) + [id] }
            guard !done.contains(id), let service = byID[id] else { return nil }
            path.append(id)
            defer { path.removeLast() }
            for requirement in service.requires {
                if let cycle = visit(requirement) { return cycle }
            }
            done.insert(id)
            return nil
        }
        for service in services {
            if let cycle = visit(service.id) { return cycle }
        }
        return nil
    }
}
