/// A model could not be downloaded, verified or installed. The message names the URL, file or package at fault and,
/// where there is one, what to do.
public struct ProvisioningError: Error, CustomStringConvertible, Equatable {
    public let description: String

    init(_ description: String) { self.description = description }
}
