# migreview: checks texts (en).
