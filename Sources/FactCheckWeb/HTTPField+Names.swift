import HTTPTypes

extension HTTPField.Name {
    static let xRequestID = Self("X-Request-Id")!
    static let xFrameOptions = Self("X-Frame-Options")!
    static let referrerPolicy = Self("Referrer-Policy")!
    static let permissionsPolicy = Self("Permissions-Policy")!
    static let crossOriginOpenerPolicy = Self("Cross-Origin-Opener-Policy")!
    static let xForwardedFor = Self("X-Forwarded-For")!
    static let secFetchSite = Self("Sec-Fetch-Site")!
}
