"""HTML shared by the static release pages (``publish``) and the endpoint (``serve``)."""
