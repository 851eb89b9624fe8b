/// Words that cannot be names because they are operators or literals.
enum Keywords {
    static let reserved: Set<String> = [
        "and", "or", "not", "in", "matches", "contains", "startsWith", "endsWith", "true", "false", "nil",
    ]
    static let binaryWords = ["and", "or", "in", "matches", "contains", "startsWith", "endsWith", "not"]
}
