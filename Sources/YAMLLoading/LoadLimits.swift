/// The limits that keep a hostile or broken file from exhausting memory or time.
///
/// Each limit, when crossed, becomes one error with its location and a fixed id (see `YAMLRules`).
public struct LoadLimits: Sendable, Hashable {
    /// The largest file accepted, in bytes (default 10 MiB).
    public var maxFileBytes: Int
    /// The deepest nesting of sequences and mappings accepted (default 100).
    public var maxDepth: Int
    /// How many nodes alias expansion may add to a document, counted as if every alias were copied out
    /// (default 100 000). Stops "billion laughs" alias bombs before any memory is spent on them.
    public var maxAliasExpansion: Int
    /// How many encoding problems are reported for one file before the rest are summarised (default 10).
    public var maxEncodingDiagnostics: Int

    /// Creates limits; every argument has a default.
    public init(
        maxFileBytes: Int = 10 * 1024 * 1024, maxDepth: Int = 100, maxAliasExpansion: Int = 100_000,
        maxEncodingDiagnostics: Int = 10
    ) {
        self.maxFileBytes = maxFileBytes
        self.maxDepth = maxDepth
        self.maxAliasExpansion = maxAliasExpansion
        self.maxEncodingDiagnostics = maxEncodingDiagnostics
    }
}
