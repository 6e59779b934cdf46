extension Duration {
    /// The duration in seconds, as the API's limits and the pause messages give it.
    var inSeconds: Double { Double(components.seconds) + Double(components.attoseconds) * 1e-18 }
}
