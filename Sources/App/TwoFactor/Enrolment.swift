import Domain
import HTTP
import OTP
import Store
import Views

/// Enrolling an authenticator app: the secret and its QR code, confirmed with a first code; then
/// the ten recovery codes, shown once. The secret travels in the form until it is confirmed, so
/// an enrolment that is never finished leaves nothing behind.
extension TwoFactorHandler {
    func showEnrolment() throws -> Response {
        let (status, policy) = try store.read { c in
            (try TwoFactor.status(userID: principal.userID, c), try TwoFactor.policy(c))
        }
        if status.isEnrolled { return page(TwoFactorPages.enrolled(context: user.page, status: status)) }
        return try enrolmentPage(secret: TwoFactorHandler.newSecret(), required: policy.requires(principal.role),
                                 errors: ValidationErrors())
    }

    func saveEnrolment() throws -> Response {
        let values = request.formValues()
        let secret = values["secret"] ?? ""
        let code = (values["code"] ?? "").trimmingWhitespace()
        guard let bytes = Base32.decode(secret), bytes.count == 20 else { throw AppError.badRequest("Het formulier mist zijn sleutel.") }
        let required = try store.read { try TwoFactor.policy($0) }.requires(principal.role)
        var errors = ValidationErrors()
        if !TOTP(secret: bytes).isWellFormed(code) {
            errors.add("code", "Vul de code van zes cijfers uit de app in.")
            return try enrolmentPage(secret: secret, required: required, errors: errors, status: 422)
        }
        let codes = TwoFactorHandler.newRecoveryCodes()
        let enrolled: Bool
        do {
            enrolled = try TwoFactor.enrol(userID: principal.userID, secret: secret, recoveryCodeHashes: codes.map(TwoFactorHandler.recoveryHash),
                                           now: configuration.now(), in: store,
                                           check: TwoFactorHandler.check(code, now: configuration.now()))
        } catch StoreError.duplicate {
            throw AppError.conflict(detail: "Tweestapsverificatie is al ingesteld voor uw account.")
        }
        guard enrolled else {
            errors.add("code", "Deze code klopt niet. Controleer of de tijd op uw telefoon goed staat en vul de volgende code in.")
            return try enrolmentPage(secret: secret, required: required, errors: errors, status: 422)
        }
        return page(TwoFactorPages.recoveryCodes(context: user.page, codes: codes))
    }

    func enrolmentPage(secret: String, required: Bool, errors: ValidationErrors, status: Int = 200) throws -> Response {
        let bytes = Base32.decode(secret) ?? []
        let uri = TOTP(secret: bytes).uri(issuer: user.page.siteName, account: principal.email)
        let svg = try QRCode(uri).svg(moduleSize: 5)
        return page(TwoFactorPages.enrol(context: user.page, secret: secret, qrSVG: svg, required: required, errors: errors), status: status)
    }
}
