import Domain
import Markup

/// Reusable pieces of pages: forms with the CSRF field, labelled fields with their errors,
/// the error summary, status badges.
public enum Components {
    /// A POST form; the CSRF token's hidden field is always added here, so no form can forget it.
    public static func form(action: String, csrf: String, enctype: String? = nil, _ content: HTML) -> HTML {
        """
        <form method="post" action="\(action)"\(attr: "enctype", enctype) novalidate>
        <input type="hidden" name="csrf" value="\(csrf)">
        \(content)
        </form>
        """
    }

    /// A button that POSTs (log out, deactivate): a small form of its own.
    public static func postButton(to route: Route, label: String, csrf: String, style: String = "secondary", hidden: [(String, String)] = []) -> HTML {
        var fields: [HTML] = []
        for (name, value) in hidden {
            fields.append("<input type=\"hidden\" name=\"\(name)\" value=\"\(value)\">")
        }
        return """
        <form method="post" action="\(route.path)" class="inline-form">
        <input type="hidden" name="csrf" value="\(csrf)">\(fields)
        <button type="submit" class="button button--\(style)">\(label)</button>
        </form>
        """
    }

    /// The summary at the top of a form that failed validation; each message links to its field.
    public static func errorSummary(_ errors: ValidationErrors) -> HTML {
        guard !errors.isEmpty else { return .empty }
        var items: [HTML] = []
        // A message without a field is about the whole form (nothing was saved), not a field to check.
        for (field, message) in errors.messages {
            items.append(field.isEmpty ? "<li>\(message)</li>" : "<li><a href=\"#\(field)\">\(message)</a></li>")
        }
        let heading = errors.messages.allSatisfy { $0.field.isEmpty } ? "Er ging iets mis." : "Er ging iets mis. Controleer de volgende velden:"
        return """
        <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1">
        <h2 id="error-summary-title">\(heading)</h2>
        <ul>\(items)</ul>
        </div>
        """
    }

    /// A labelled text input with its hint and error, the error tied to it by aria-describedby.
    public static func textField(_ name: String, label: String, value: String, errors: ValidationErrors,
                                 type: String = "text", hint: String? = nil, required: Bool = false,
                                 autocomplete: String? = nil, inputmode: String? = nil) -> HTML {
        let error = errors[name]
        let describedBy = [hint == nil ? nil : "\(name)-hint", error == nil ? nil : "\(name)-error"].compactMap { $0 }
        return """
        <div class="field\(error == nil ? "" : " field--error")">
        <label for="\(name)">\(label)\(required ? HTML(" <span class=\"required\">(verplicht)</span>") : HTML.empty)</label>
        \(hint.map { HTML("<p class=\"hint\" id=\"\(name)-hint\">\($0)</p>") })
        \(error.map { HTML("<p class=\"field-error\" id=\"\(name)-error\"><span class=\"visually-hidden\">Fout: </span>\($0)</p>") })
        <input type="\(type)" id="\(name)" name="\(name)" value="\(value)"\(attr: "aria-describedby", describedBy.isEmpty ? nil : describedBy.joined(separator: " "))\(attr: "aria-invalid", error == nil ? nil : "true")\(attr: "autocomplete", autocomplete)\(attr: "inputmode", inputmode)\(attr: "required", if: required)>
        </div>
        """
    }

    /// A labelled multi-line text field.
    public static func textArea(_ name: String, label: String, value: String, errors: ValidationErrors, hint: String? = nil, rows: Int = 5) -> HTML {
        let error = errors[name]
        return """
        <div class="field\(error == nil ? "" : " field--error")">
        <label for="\(name)">\(label)</label>
        \(hint.map { HTML("<p class=\"hint\" id=\"\(name)-hint\">\($0)</p>") })
        \(error.map { HTML("<p class=\"field-error\" id=\"\(name)-error\"><span class=\"visually-hidden\">Fout: </span>\($0)</p>") })
        <textarea id="\(name)" name="\(name)" rows="\(rows)"\(attr: "aria-describedby", error == nil ? (hint == nil ? nil : "\(name)-hint") : "\(name)-error")\(attr: "aria-invalid", error == nil ? nil : "true")>\(value)</textarea>
        </div>
        """
    }

    /// A labelled select from (value, label) options.
    public static func select(_ name: String, label: String, options: [(String, String)], selected: String, errors: ValidationErrors, includeEmpty: String? = nil) -> HTML {
        let error = errors[name]
        var list: [HTML] = []
        if let includeEmpty { list.append("<option value=\"\"\(attr: "selected", if: selected.isEmpty)>\(includeEmpty)</option>") }
        for (value, text) in options {
            list.append("<option value=\"\(value)\"\(attr: "selected", if: value == selected)>\(text)</option>")
        }
        return """
        <div class="field\(error == nil ? "" : " field--error")">
        <label for="\(name)">\(label)</label>
        \(error.map { HTML("<p class=\"field-error\" id=\"\(name)-error\"><span class=\"visually-hidden\">Fout: </span>\($0)</p>") })
        <select id="\(name)" name="\(name)"\(attr: "aria-describedby", error == nil ? nil : "\(name)-error")\(attr: "aria-invalid", error == nil ? nil : "true")>\(list)</select>
        </div>
        """
    }

    /// A group of checkboxes in a fieldset with a legend.
    public static func checkboxes(_ name: String, legend: String, options: [(String, String)], checked: Set<String>, errors: ValidationErrors) -> HTML {
        let error = errors[name]
        var boxes: [HTML] = []
        for (index, (value, text)) in options.enumerated() {
            let id = "\(name)-\(index)"
            boxes.append("""
            <div class="checkbox"><input type="checkbox" id="\(id)" name="\(name)" value="\(value)"\(attr: "checked", if: checked.contains(value))><label for="\(id)">\(text)</label></div>
            """)
        }
        return """
        <fieldset class="field\(error == nil ? "" : " field--error")" id="\(name)">
        <legend>\(legend)</legend>
        \(error.map { HTML("<p class=\"field-error\" id=\"\(name)-error\"><span class=\"visually-hidden\">Fout: </span>\($0)</p>") })
        <div class="checkbox-list">\(boxes)</div>
        </fieldset>
        """
    }

    /// A notice (success or information) at the top of a page.
    public static func notice(_ text: String?) -> HTML {
        guard let text, !text.isEmpty else { return .empty }
        return "<div class=\"notice\" role=\"status\">\(text)</div>"
    }

}
