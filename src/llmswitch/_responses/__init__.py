"""The Responses API over every provider (issue 20), one module per idea:

- ``_request``: a Responses request → chat messages and options (IO-free);
- ``_answer``: a chat answer → ``Response`` (IO-free);
- ``_events``: chat chunks → Responses stream events in openai's order (IO-free);
- ``_routes``: which provider is sent its Responses request natively, and how;
- ``_store``: where llmswitch keeps state (in memory, bounded; or SQLite);
- ``_stream``: ``ResponseStream`` / ``AsyncResponseStream``;
- ``_steps``: the steps and handlers of ``create``; ``_retrieve``: ``retrieve`` / ``delete``;
- ``_manager``: what ``responses.stream()`` returns.

It sits above the pipeline and below the resources; no adapter knows of it.
"""
