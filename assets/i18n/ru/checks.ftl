# migreview: checks texts (ru).
