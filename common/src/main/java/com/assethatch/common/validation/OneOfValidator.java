package com.assethatch.common.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.List;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

public class OneOfValidator implements ConstraintValidator<OneOf, String> {

    private List<String> allowed;

    @Override
    public void initialize(OneOf constraint) {
        allowed = JsonValues.of(constraint.value());
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        if (value == null || allowed.contains(value)) {
            return true;
        }
        context.unwrap(HibernateConstraintValidatorContext.class).addMessageParameter("values", String.join(", ", allowed));
        return false;
    }
}
