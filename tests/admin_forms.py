"""The POST data of an admin form as a browser would send it, read from the rendered form."""

from html.parser import HTMLParser


class FormFields(HTMLParser):
    """Every named field of the page's change form with its current value; the empty
    templates of inline rows (`__prefix__`) are left out, as the browser never sends them."""

    def __init__(self):
        super().__init__()
        self.data, self.in_form, self.textarea, self.select = {}, False, None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("method") == "post" and attrs.get("id", "").endswith("_form"):
            self.in_form = True
        if tag == "option" and self.select and "selected" in attrs:
            self.data[self.select] = attrs.get("value", "")
        if not self.in_form or "__prefix__" in attrs.get("name", "__prefix__"):
            return
        name = attrs["name"]
        if tag == "input":
            kind = attrs.get("type", "text")
            if kind in ("submit", "button", "file", "image"):
                return
            if kind in ("checkbox", "radio"):
                if "checked" in attrs:
                    self.data[name] = attrs.get("value", "on")
                return
            self.data[name] = attrs.get("value", "")
        elif tag == "textarea":
            self.textarea = name
            self.data[name] = ""
        elif tag == "select":
            self.select = name
            self.data.setdefault(name, "")

    def handle_endtag(self, tag):
        if tag == "form":
            self.in_form = False
        elif tag == "textarea":
            self.textarea = None
        elif tag == "select":
            self.select = None

    def handle_data(self, data):
        if self.textarea:
            self.data[self.textarea] += data.removeprefix("\n") if not self.data[self.textarea] else data


def admin_form(client, url, **changes):
    html = client.get(url).content.decode()
    parser = FormFields()
    parser.feed(html)
    return {**parser.data, **changes}
