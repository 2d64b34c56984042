"""The Qt-free core: storage, models, workflow, calendar, intake and the services the UI and CLI share."""
