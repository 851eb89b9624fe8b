import WardenYAML

extension Mark {
    /// The position given to policies built in code rather than read from a file.
    public static let inMemory = Mark(file: "<memory>", line: 0, column: 0)
}
