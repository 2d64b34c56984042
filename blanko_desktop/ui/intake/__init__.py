"""Files in: the drop router, the intake controller, its dialog and the decision between them."""
